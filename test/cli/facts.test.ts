/** `kohyo facts` through the real program (dist/src/cli.js). */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { noise } from "../fixtures.js";
import { corpus, HAVE_CORPUS, kohyo, parseCsv, ROOT, sample } from "../helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "kohyo-facts-"));

interface TruthRow {
  cells: { startDate: string; contact: string | null };
}
const truth = JSON.parse(readFileSync(sample("tokyo-plan-r5.truth.json"), "utf8")) as { tables: { rows: TruthRow[] }[] };
const rows = truth.tables.flatMap((t) => t.rows);

describe("kohyo facts", () => {
  test("--format json (the default) prints the documented JSON: every row's start date and phone number of the Tokyo plan", () => {
    const r = kohyo("facts", sample("tokyo-plan-r5-a4.pdf"));
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ file: sample("tokyo-plan-r5-a4.pdf"), pages: 4 });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    const facts = doc.facts as { kind: string; text: string; value: string; page: number; box: object; detail: { number?: string } }[];
    const phones = rows.flatMap((row) => row.cells.contact?.match(/0\d{1,4}-\d{1,4}-\d{3,4}/g) ?? []);
    expect(facts.filter((f) => f.kind === "phone").map((f) => f.detail.number).sort()).toEqual(phones.sort());
    const starts = rows.map((row) => row.cells.startDate);
    expect(facts.filter((f) => f.kind === "date" && starts.includes(f.text)).map((f) => f.text).sort()).toEqual(starts.sort());
    // The title's 令和５年度 on every page, as a fiscal year.
    expect(facts.find((f) => f.kind === "fiscalYear")).toMatchObject({ text: "令和５年度", value: "2023-04-01/2024-03-31", page: 1 });
    expect(Object.keys(facts[0]!)).toEqual(["kind", "text", "value", "detail", "page", "box", "line", "problems"]);
  });

  test("--format csv writes DIR/<name>/facts.csv, one row per fact, the same facts as the JSON", () => {
    const out = join(tmp, "csv");
    const r = kohyo("facts", sample("tokyo-plan-r5-a4.pdf"), "--format", "csv", "-o", out);
    expect(r.code).toBe(0);
    const path = join(out, "tokyo-plan-r5-a4", "facts.csv");
    const csv = readFileSync(path, "utf8").trim().split("\n");
    expect(r.out.trim()).toBe(`${sample("tokyo-plan-r5-a4.pdf")}: ${csv.length - 1} facts → ${path}`);
    expect(csv[0]).toBe("page,kind,text,value,to,x0,y0,x1,y1,detail,line,problems");
    // At least a start date and a phone per row of the plan.
    expect(csv.length - 1).toBeGreaterThanOrEqual(rows.length * 2);
    // 中央区 (row 1): 令和5年4月1日 and 03-3546-5329 on page 1.
    expect(csv).toContainEqual(expect.stringMatching(/^1,date,令和5年4月1日,2023-04-01,,[\d.]+,[\d.]+,[\d.]+,[\d.]+,/));
    expect(csv).toContainEqual(expect.stringMatching(/^1,phone,03-3546-5329,0335465329,,/));
    const json = JSON.parse(kohyo("facts", sample("tokyo-plan-r5-a4.pdf")).out);
    expect(csv.length - 1).toBe(json.facts.length);
  });

  test("-o with JSON writes DIR/<name>/facts.json and says where", () => {
    const out = join(tmp, "json");
    const r = kohyo("facts", sample("tokyo-plan-r5-a4.pdf"), "--pages", "4", "-o", out);
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, "tokyo-plan-r5-a4", "facts.json"), "utf8"));
    expect(new Set(doc.facts.map((f: { page: number }) => f.page))).toEqual(new Set([4]));
    expect(r.out).toMatch(/tokyo-plan-r5-a4\.pdf: \d+ facts → .*facts\.json$/m);
  });

  test.skipIf(!HAVE_CORPUS)("on the guidebook's schedule page: its deadlines, the phone and the URLs (07 p.15)", () => {
    const r = kohyo("facts", corpus("07_jizokuka-hojokin_R6_guidebook_17th.pdf"), "--pages", "15");
    expect(r.code).toBe(0);
    const facts = JSON.parse(r.out).facts as { kind: string; value: string }[];
    expect(facts.map((f) => [f.kind, f.value])).toEqual([
      ["deadline", "2025-06-13"], ["deadline", "2025-06-03"], ["date", "2026-07-31"], ["deadline", "2026-08-10"],
      ["url", "https://www.jizokukanb.com/jizokuka_r6h/"], ["phone", "0366349307"], ["url", "https://r6.jizokukahojokin.info/"],
    ]);
  });
});

describe("kohyo facts: bad input as every command handles it", () => {
  test("a missing file exits 3, naming it; not a PDF exits 4; encrypted without its password 6", () => {
    const missing = kohyo("facts", join(tmp, "gone.pdf"));
    expect(missing.code).toBe(3);
    expect(missing.err.trim()).toMatch(/gone\.pdf: file not found$/);
    const junk = join(tmp, "junk.pdf");
    writeFileSync(junk, noise(1024));
    expect(kohyo("facts", junk).code).toBe(4);
    expect(kohyo("facts", sample("encrypted-user-password.pdf")).code).toBe(6);
    expect(kohyo("facts", sample("encrypted-user-password.pdf"), "--password", "kohyo-user").code).toBe(0);
  });

  test("a batch goes on past a bad file: the good file's facts are written, the exit code is the bad file's", () => {
    const out = join(tmp, "batch");
    const r = kohyo("facts", join(tmp, "gone.pdf"), sample("tokyo-plan-r5-a4.pdf"), "--format", "csv", "-o", out);
    expect(r.code).toBe(3);
    expect(readFileSync(join(out, "tokyo-plan-r5-a4", "facts.csv"), "utf8")).toMatch(/03-3546-5329/);
  });

  test("usage errors exit 64: no FILE, --format other than json or csv, a page the file does not have", () => {
    expect(kohyo("facts").err).toMatch(/facts needs at least one FILE/);
    expect(kohyo("facts").code).toBe(64);
    expect(kohyo("facts", sample("tokyo-plan-r5-a4.pdf"), "--format", "xml").code).toBe(64);
    const r = kohyo("facts", sample("tokyo-plan-r5-a4.pdf"), "--pages", "9");
    expect(r.code).toBe(64);
    expect(r.err.trim()).toMatch(/tokyo-plan-r5-a4\.pdf: page 9 does not exist \(the file has 4\)$/);
  });
});

test("facts.csv written page by page with --excel is the CSV written whole to stdout: one byte order mark, every row once", () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-facts-excel-"));
  const file = sample("guidebook-tohoku-r6.pdf");
  const whole = kohyo("facts", file, "--format", "csv", "--excel", "-o", "-");
  expect(whole.code).toBe(0);
  expect(kohyo("facts", file, "--format", "csv", "--excel", "-o", out).code).toBe(0);
  const paged = readFileSync(join(out, "guidebook-tohoku-r6", "facts.csv"), "utf8");
  expect(paged).toBe(whole.out);
  expect(paged.match(/\uFEFF/g)).toHaveLength(1);
  // Facts from more than one page, each page's rows after the header.
  expect(new Set(parseCsv(paged.slice(1).trimEnd()).slice(1).map((row) => row[0])).size).toBeGreaterThan(5);
});
