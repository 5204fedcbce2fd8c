/**
 * The case-sheet deck (samples/case-sheets-r5.pdf, printed by LibreOffice from the .fodp the
 * build script writes from samples/case-sheets-r5.truth.json, transcribed from seed 001):
 * ten records, one per case sheet, equal to the truth field by field; none from the cover,
 * the explanation or the index of regions. Text values are compared with white space
 * folded: the text layer keeps the gaps LibreOffice prints between Japanese and Latin text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { spec } from "../../pipelines/case-sheets.js";
import { openPdf } from "../../src/pdf/load.js";
import { regionPipeline } from "../../src/pipeline/regionPipeline.js";
import type { GroupValue, ListValue, RegionRecord } from "../../src/pipeline/regionSpec.js";
import type { PipelineResult } from "../../src/pipeline/types.js";
import { drive } from "../../src/pipeline/drive.js";

const SAMPLES = join(import.meta.dirname, "../../samples");
const truth = JSON.parse(readFileSync(join(SAMPLES, "case-sheets-r5.truth.json"), "utf8"));
type Case = (typeof truth.cases)[number];
const fold = (s: string) => s.replace(/[\s\u3000]+/g, "");

let result: PipelineResult;
let records: RegionRecord[];
beforeAll(async () => {
  const opened = await openPdf(join(SAMPLES, truth.file));
  if (!opened.ok) throw new Error(opened.error.message);
  result = await drive(regionPipeline(spec), opened.doc);
  records = result.tables[0]!.records as RegionRecord[];
});

const value = (r: RegionRecord, name: string) => r.fields[name]?.value as any;
const items = (v: ListValue | undefined) => (v?.items ?? []).map((i) => fold(i.text));
const recordOf = (c: Case) => records.find((r) => r.page === c.page)!;

test("ten records, one per case sheet; the cover, explanation and index of regions give none", () => {
  expect(records.map((r) => r.page)).toEqual(truth.cases.map((c: Case) => c.page));
});

// The deck's sheets come in two arrangements (scripts/build-case-sheets.mjs, layout.stats in the
// source data): the statistics band (人口, 人口減少率, 高齢化率 and the ※ dates) at the top of the sheet
// under its title, or at its bottom under the partner boxes. Every sheet is read field by field below.
test("the statistics band is printed at the top of some sheets and at the bottom of others, and both read", () => {
  const stats = (where: string) => truth.cases.filter((c: Case) => c.layout.stats === where);
  expect(stats("top").length).toBeGreaterThanOrEqual(2);
  expect(stats("bottom").length).toBeGreaterThanOrEqual(2);
  for (const c of truth.cases as Case[]) {
    const r = recordOf(c);
    const population = r.fields.population!;
    const height = (truth.paper.heightCm * 72) / 2.54; // the deck's paper, in points
    // where the source put the band: the upper quarter of the sheet, or the lower tenth
    if (c.layout.stats === "top") expect(population.box.y1, `p${c.page}`).toBeLessThan(height / 4);
    else expect(population.box.y0, `p${c.page}`).toBeGreaterThan(height * 0.9);
    expect(population.value, `p${c.page}`).toBe(c.population.value);
  }
});

const cases: [string, Case][] = truth.cases.map((c: Case) => [`p${c.page} ${c.region} (statistics at the ${c.layout.stats}, autospace ${c.layout.autospace ? "on" : "off"})`, c]);
describe.each(cases)("%s", (_name, c) => {
  test("region, prefecture, municipalities with codes, type, reading", () => {
    const r = recordOf(c);
    expect(value(r, "region")).toEqual({ prefecture: c.prefecture, name: c.region, municipalities: c.municipalities });
    expect(value(r, "regionType")).toBe(c.regionType);
    expect(fold(value(r, "reading"))).toBe(fold(c.reading));
  });
  test("title", () => {
    expect(fold(value(recordOf(c), "title"))).toBe(fold(c.title.join("")));
  });
  test("statistics: population, rates, their dates, target", () => {
    const r = recordOf(c);
    expect(value(r, "population")).toBe(c.population.value);
    expect(value(r, "declineRate")).toBe(c.declineRate.value);
    expect(value(r, "agingRate")).toBe(c.agingRate.value);
    expect(value(r, "nationalAverage")).toBe(c.nationalAverage);
    expect(value(r, "target")).toBe(c.target.value);
    expect(value(r, "statsDate")).toEqual({ iso: c.statsDate.iso, era: c.statsDate.era, eraYear: c.statsDate.eraYear });
    expect(value(r, "declineBase")).toEqual({ iso: c.declineBase.iso, era: c.declineBase.era, eraYear: c.declineBase.eraYear });
  });
  test("重点雇用創出分野 and 重点求職者層 with their 等", () => {
    const r = recordOf(c);
    expect(items(value(r, "sectors"))).toEqual(c.sectors.items.map(fold));
    expect(value(r, "sectors").etc).toBe(c.sectors.etc);
    expect(items(value(r, "jobseekers"))).toEqual(c.jobseekers.items.map(fold));
    expect(value(r, "jobseekers").etc).toBe(c.jobseekers.etc);
  });
  test("programme items A (伴走型支援 apart), B, C", () => {
    const r = recordOf(c);
    expect(items(value(r, "employers"))).toEqual(c.employers.items.map(fold));
    expect(value(r, "employers").etc).toBe(c.employers.etc);
    expect(items(value(r, "accompanied"))).toEqual(c.employers.accompanied.map(fold));
    expect(value(r, "accompanied")?.etc ?? false).toBe(c.employers.accompaniedEtc);
    expect(items(value(r, "training"))).toEqual(c.training.items.map(fold));
    expect(value(r, "training").etc).toBe(c.training.etc);
    expect(items(value(r, "placement"))).toEqual(c.placement.items.map(fold));
    expect(value(r, "placement").etc).toBe(c.placement.etc);
  });
  test("地域の現状・課題 bullets and 事業の全体像 paragraphs", () => {
    const r = recordOf(c);
    expect(items(value(r, "situation"))).toEqual(c.situation.map(fold));
    expect((value(r, "overview") as string[]).map(fold)).toEqual(c.overview.map(fold));
  });
  test("partners and their supports", () => {
    const got = (recordOf(c).groups.partners ?? []).map((g: GroupValue) => ({ name: fold(g.name), supports: g.items.map((i) => fold(i.text)), etc: g.etc }));
    expect(got).toEqual(c.partners.map((p: { name: string; supports: string[]; etc: boolean }) => ({ name: fold(p.name), supports: p.supports.map(fold), etc: p.etc })));
  });
  test("every value keeps its page, box and printed text", () => {
    const r = recordOf(c);
    for (const [name, s] of Object.entries(r.fields)) {
      if (!s) continue;
      expect(s.page, name).toBe(c.page);
      expect(s.box.x1, name).toBeGreaterThan(s.box.x0);
      expect(s.raw.length, name).toBeGreaterThan(0);
    }
    expect(fold(r.fields.population!.raw)).toBe(fold(c.population.printed));
  });
});

test("the checks hold on every sheet: required fields, rates, integers, dates before 令和5年12月, region type, codes", () => {
  const checks = result.tables[0]!.checks;
  expect(checks.filter((c) => !c.ok)).toEqual([]);
  const rules = new Set(checks.map((c) => c.rule));
  for (const rule of ["region/required", "region/range", "region/positive-integer", "region/date-after-document", "region/one-of", "region/municipality"]) expect(rules).toContain(rule);
  for (const c of checks) {
    expect(c.page).toBeGreaterThanOrEqual(4);
  }
});
