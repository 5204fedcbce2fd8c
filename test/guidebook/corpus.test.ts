/**
 * Another guidebook in the wild: corpus 07, the 持続化補助金 guidebook (PowerPoint, 15 pages).
 * It is one programme explained over many pages, with a contents list of topics and no
 * categories, so it is not of this family: the pipeline must say so and still read the page
 * it can — page 15 (printed 14), rendered and read: a schedule table of four dates and two
 * お問合せ先 boxes (商工会地区 / 商工会議所地区).
 */
import { beforeAll, expect, test } from "vitest";
import { guidebook } from "../../pipelines/guidebook.js";
import type { ContactRecord, Fact, Programme } from "../../src/guidebook/index.js";
import { groupLines } from "../../src/layout/lines.js";
import type { PipelineResult } from "../../src/pipeline/types.js";
import { corpus, HAVE_CORPUS, open, readAll } from "../helpers.js";
import { drive } from "../../src/pipeline/drive.js";

const FILE = corpus("07_jizokuka-hojokin_R6_guidebook_17th.pdf");
let result: PipelineResult;
const records = <R>(name: string) => result.tables.find((t) => t.name === name)!.records as R[];

beforeAll(async () => {
  if (!HAVE_CORPUS) return;
  const doc = await open(FILE);
  try {
    result = await drive(guidebook, doc, undefined);
  } finally {
    await doc.close();
  }
});

test.skipIf(!HAVE_CORPUS)("its first pages score low: a guidebook, but not of this family", async () => {
  const text = (await readAll(FILE)).slice(0, 3).flatMap((p) => groupLines(p.runs).map((l) => l.text)).join("\n");
  expect(guidebook.recognise(text)).toBeLessThan(0.5);
});

test.skipIf(!HAVE_CORPUS)("no contents of this kind: no entries, no contents checks, and a warning that says why", () => {
  expect(records("目次")).toEqual([]);
  expect(result.tables.flatMap((t) => t.checks).filter((c) => c.rule.startsWith("toc/"))).toEqual([]);
  expect(result.diagnostics.find((d) => d.rule === "guidebook/no-contents")?.severity).toBe("warning");
});

test.skipIf(!HAVE_CORPUS)("the page with お問合せ先 blocks is read: both offices, their hours and addresses", () => {
  expect(records<Programme>("事業").map((p) => [p.page, p.printedPage, p.entry])).toEqual([[15, 14, null]]);
  const hours = "9:00～12:00、13:00～17:00（土日祝日、年末年始除く）";
  expect(records<ContactRecord>("問い合わせ先").map((c) => [c.organisation, c.phone, c.hours, c.url])).toEqual([
    ["地域の商工会", null, hours, "https://www.jizokukanb.com/jizokuka_r6h/"],
    [null, "03-6634-9307", hours, "https://r6.jizokukahojokin.info/"],
  ]);
});

test.skipIf(!HAVE_CORPUS)("its schedule: four days with true weekdays; the 締切 and 期限 days are deadlines, the end of 事業実施期間 is not", () => {
  expect(records<Fact>("金額・日付").map((f) => [f.iso, f.deadline, f.weekday?.ok])).toEqual([
    ["2025-06-13", "2025-06-13", true],
    ["2025-06-03", "2025-06-03", true],
    ["2026-07-31", null, true],
    ["2026-08-10", "2026-08-10", true],
  ]);
});
