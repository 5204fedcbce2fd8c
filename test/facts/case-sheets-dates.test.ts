/**
 * `kohyo facts` on the case-sheet deck: every statistics date of every sheet's note, as the
 * sheets print them — R4.1.1, R４.1.1, H2９.1.1, and with LibreOffice's gaps between Asian and
 * Latin text in the text layer (R ４ .1.1, H2 ９ .1.1) — is found and read with its era.
 * Expected counts come from the truth's printed notes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { extractFacts } from "../../src/facts/index.js";
import type { Fact } from "../../src/facts/index.js";
import { openPdf } from "../../src/pdf/load.js";

const SAMPLES = join(import.meta.dirname, "../../samples");
const truth = JSON.parse(readFileSync(join(SAMPLES, "case-sheets-r5.truth.json"), "utf8"));
const facts = new Map<number, Fact[]>();

beforeAll(async () => {
  const opened = await openPdf(join(SAMPLES, truth.file));
  if (!opened.ok) throw new Error(opened.error.message);
  for await (const page of opened.doc.pages()) facts.set(page.number, extractFacts(page));
});

const count = (s: string, part: string) => s.split(part).length - 1;

const cases: [number, any][] = truth.cases.map((c: any) => [c.page, c]);
test.each(cases)("p%i: every date of the statistics note is found with its era", (page, c) => {
  const dates = (facts.get(page) ?? []).filter((f) => f.kind === "date");
  const stats = dates.filter((f) => f.value === c.statsDate.iso);
  const base = dates.filter((f) => f.value === c.declineBase.iso);
  expect(stats.length).toBeGreaterThanOrEqual(count(c.note, c.statsDate.printed));
  expect(base.length).toBeGreaterThanOrEqual(count(c.note, c.declineBase.printed));
  for (const f of [...stats, ...base]) {
    expect(f.detail.era?.name).toBe(f.value === c.statsDate.iso ? c.statsDate.era : c.declineBase.era);
    expect(f.page).toBe(page);
  }
});

test("a dotted era date with office gaps reads as the date (R ４ .1.1, H2 ９ .1.1), a fraction or a decimal does not", async () => {
  const { scanFacts } = await import("../../src/facts/index.js");
  const dates = (t: string) => scanFacts(t).filter((f) => f.kind === "date").map((f) => f.value);
  expect(dates("※1：R ４ .1.1 時点")).toEqual(["2022-01-01"]);
  expect(dates("（ H2 ９ .1.1 の人口 － R ４ .1.1 の人口 )")).toEqual(["2017-01-01", "2022-01-01"]);
  expect(dates("R7/4/1 時点")).toEqual(["2025-04-01"]);
  expect(dates("全体で 47.9 ％、1.10 倍")).toEqual([]);
});
