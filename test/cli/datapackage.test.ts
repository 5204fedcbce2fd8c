/**
 * The data packages kohyo writes validate with the Frictionless project's own JavaScript
 * library (`datapackage`, a devDependency from npm; the Python `frictionless` is not
 * reachable from this machine's registries): the descriptor against the
 * tabular-data-package profile, and every row of every CSV cast to its field's type
 * (integers, dates, booleans …), header names equal to the field names.
 *
 * Every sample and corpus file: the test reads the golden outputs of `kohyo extract`
 * (test/golden/extract/, compared byte for byte with what the real CLI writes by
 * test/golden), so it costs no extraction. Through the real CLI: --bom, the source's path,
 * and a municipality code and a phone number with leading zeros.
 */
import { createRequire } from "node:module";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { kohyo, ROOT, sample } from "../helpers.js";

interface DpResource {
  name: string;
  read(options: { cast: boolean; keyed?: boolean }): Promise<unknown[][]>;
}
interface DpPackage {
  valid: boolean;
  errors: Error[];
  resources: DpResource[];
}
const { Package } = createRequire(import.meta.url)("datapackage") as { Package: { load(descriptor: string, basePath: string, options?: { strict?: boolean }): Promise<DpPackage> } };

/** Loads and validates a data package; every row of every resource read and cast. Returns the problems found, and rows per resource. */
async function validate(dir: string): Promise<{ problems: string[]; rows: Record<string, number> }> {
  const pkg = await Package.load(join(dir, "datapackage.json"), dir);
  const problems = pkg.errors.map((e) => `descriptor: ${e.message}`);
  const rows: Record<string, number> = {};
  for (const r of pkg.resources) {
    try {
      rows[r.name] = (await r.read({ cast: true })).length;
    } catch (e) {
      const errors = (e as { errors?: Error[] }).errors ?? [];
      problems.push(`${r.name}: ${(e as Error).message} ${errors.slice(0, 3).map((x) => x.message).join("; ")}`);
    }
  }
  if (!pkg.valid && problems.length === 0) problems.push("invalid");
  return { problems, rows };
}

const GOLDEN = join(ROOT, "test/golden/extract");
const packaged = readdirSync(GOLDEN).filter((d) => existsSync(join(GOLDEN, d, "datapackage.json")));

test("the golden outputs hold a data package for every sample and corpus file with tables", () => {
  // 13 samples (the scans excepted, read with --ocr off) and the corpus files a pipeline recognises.
  expect(packaged).toEqual(expect.arrayContaining(["budget-r6", "case-sheets-r5", "guidebook-tohoku-r6", "tokyo-plan-r5-a4", "17_nankoku-city_R3_ippan-kaikei-hosei-yosan", "26_nankoku-city_R8_ippan-kaikei_yosansho"]));
});

test.each(packaged)("%s: datapackage.json validates with the Frictionless library, every row cast; encoding utf-8; source path is the file name", async (name) => {
  const dir = join(GOLDEN, name);
  const { problems, rows } = await validate(dir);
  expect(problems).toEqual([]);
  const dp = JSON.parse(readFileSync(join(dir, "datapackage.json"), "utf8"));
  expect(dp.resources.length).toBeGreaterThan(0);
  for (const r of dp.resources) {
    expect(r.encoding).toBe("utf-8");
    // Rows read = the CSV's lines after its header.
    expect(rows[r.name]).toBe(readFileSync(join(dir, r.path), "utf8").trimEnd().split(/\r?\n(?=(?:[^"]*"[^"]*")*[^"]*$)/).length - 1);
  }
  for (const s of dp.sources) expect(s.path).not.toMatch(/[/\\]/);
});

test("through the CLI with --bom: every CSV starts with the BOM, the package says utf-8 and names the source by its file name only", async () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-dp-"));
  const plain = mkdtempSync(join(tmpdir(), "kohyo-dp-"));
  const file = sample("case-sheets-r5.pdf");
  expect(kohyo("extract", file, "-o", out, "--bom").code).toBe(0);
  expect(kohyo("extract", file, "-o", plain).code).toBe(0);
  const dir = join(out, "case-sheets-r5");
  const dp = JSON.parse(readFileSync(join(dir, "datapackage.json"), "utf8"));
  expect(dp.sources[0].path).toBe("case-sheets-r5.pdf");
  expect(JSON.stringify(dp)).not.toContain(tmpdir());
  expect(JSON.stringify(dp)).not.toContain("samples/");
  for (const r of dp.resources) {
    expect(r.encoding).toBe("utf-8");
    const bytes = readFileSync(join(dir, r.path));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // The same CSV as without --bom after those three bytes: the plain one validates (the
    // JavaScript library does not skip a BOM; Python frictionless reads utf-8 with a BOM as utf-8-sig).
    expect(bytes.subarray(3).equals(readFileSync(join(plain, "case-sheets-r5", r.path)))).toBe(true);
  }
  expect((await validate(join(plain, "case-sheets-r5"))).problems).toEqual([]);
});

test("a municipality code and a phone number keep their leading zeros in the CSV and are typed string", () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-dp-"));
  expect(kohyo("extract", sample("case-sheets-r5.pdf"), sample("tokyo-plan-r5-a4.pdf"), "-o", out, "--jobs", "2").code).toBe(0);
  const fieldsOf = (dir: string) => JSON.parse(readFileSync(join(out, dir, "datapackage.json"), "utf8")).resources[0].schema.fields as { name: string; title: string; type: string }[];
  // samples/case-sheets-r5.truth.json: 釧路市, code 012068.
  expect(readFileSync(join(out, "case-sheets-r5", "regions.csv"), "utf8")).toMatch(/,012068,/);
  expect(fieldsOf("case-sheets-r5").find((f) => f.title === "region.codes")?.type).toBe("string");
  // samples/tokyo-plan-r5.truth.json: a contact 企画調整室 04992-5-0204 (内線216).
  expect(readFileSync(join(out, "tokyo-plan-r5-a4", "一般事業.csv"), "utf8")).toContain(",04992-5-0204,216,");
  const plan = fieldsOf("tokyo-plan-r5-a4");
  expect(plan.find((f) => f.name === "問合せ先（電話番号）")?.type).toBe("string");
  expect(plan.find((f) => f.name === "実施区市町村名（全国地方公共団体コード）")?.type).toBe("string");
});

test("a result without tables (a family forced on another document) writes no datapackage.json: a package needs a resource", () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-dp-"));
  expect(kohyo("extract", sample("tokyo-plan-r5-a4.pdf"), "--pipeline", "budget-book", "-o", out).code).toBe(9);
  const dir = join(out, "tokyo-plan-r5-a4");
  expect(readdirSync(dir).sort()).toEqual(["records.json", "report.json"]);
});

test("--bom on tables and facts too: each CSV starts with EF BB BF", () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-bom-"));
  expect(kohyo("tables", sample("budget-r6.pdf"), "--pages", "1", "--format", "csv", "--bom", "-o", out).code).toBe(0);
  expect(kohyo("facts", sample("guidebook-tohoku-r6.pdf"), "--pages", "5", "--format", "csv", "--bom", "-o", out).code).toBe(0);
  const csvs = [
    ...readdirSync(join(out, "budget-r6")).filter((f) => f.endsWith(".csv")).map((f) => join(out, "budget-r6", f)),
    join(out, "guidebook-tohoku-r6", "facts.csv"),
  ];
  expect(csvs.length).toBeGreaterThanOrEqual(2);
  for (const f of csvs) expect([...readFileSync(f).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
});
