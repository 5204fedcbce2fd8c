/** `kohyo extract` through the real program: the files it writes, the summary, exit codes. */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { corpus, HAVE_CORPUS, kohyo, ROOT, sample } from "../helpers.js";

const tmp = () => mkdtempSync(join(tmpdir(), "kohyo-extract-"));
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"));

describe("kohyo extract on the A4 plan", () => {
  let out: string;
  let run: ReturnType<typeof kohyo>;
  beforeAll(() => {
    out = tmp();
    run = kohyo("extract", sample("tokyo-plan-r5-a4.pdf"), "-o", out);
  });
  const dir = () => join(out, "tokyo-plan-r5-a4");

  test("recognises the plan by itself and exits 0 with every check passed", () => {
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(run.out).toContain("tokyo-jinzai-plan · 2 tables · 31 records");
  });

  test("the summary prints each 合計 check with printed and computed values", () => {
    expect(run.out).toContain("ok   total 事業額: printed 477,289,000, sum 477,289,000 p.3");
    expect(run.out).toContain("ok   total 目標（処遇改善事業）支援事業所数: printed 93, sum 93 p.3");
    expect(run.out).toContain("ok   total 補助金申請額: printed 47,693,000, sum 47,693,000 p.4");
  });

  test("records.json has the documented shape, valid, with both tables", () => {
    const r = readJson(join(dir(), "records.json"));
    expect(Object.keys(r)).toEqual(["file", "sha256", "pipeline", "kohyoVersion", "tables", "valid"]);
    expect(r).toMatchObject({ pipeline: "tokyo-jinzai-plan", valid: true });
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.tables.map((t: { name: string; pages: number[]; fiscalYear: number }) => [t.name, t.pages, t.fiscalYear])).toEqual([
      ["一般事業", [1, 2, 3], 2023],
      ["モデル事業", [4], 2023],
    ]);
    expect(Object.keys(r.tables[0].records[0])).toEqual([
      "no", "municipality", "theme", "projectName", "description", "targetGroups", "category",
      "amountYen", "subsidyYen", "amountGroup", "targets", "startDate", "contact", "provenance",
    ]);
    // 北区 12–13 share one merged amount cell (seed 000: 900 / 450 千円).
    const kita = r.tables[0].records.filter((x: { no: number }) => x.no === 12 || x.no === 13);
    expect(kita.map((x: { amountYen: number | null; amountGroup: number }) => [x.amountYen, x.amountGroup])).toEqual([[900000, 12], [null, 12]]);
  });

  test("one CSV per table, Japanese header, numbers as numbers, a group amount once", () => {
    const csv = readFileSync(join(dir(), "一般事業.csv"), "utf8");
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const [header, , , , , row5, row6] = csv.split("\n");
    expect(header!.split(",").slice(0, 3)).toEqual(["整理番号", "実施区市町村名", "実施区市町村名（全国地方公共団体コード）"]);
    expect(row5).toMatch(/^5,江東区,131083,,中小企業雇用支援事業,/);
    expect(row5).toContain(",労働力確保事業,15876000,7938000,5,700,230,,2023-04-01,政策経営部／企画課／企画担当,03-3647-9167,,,1,");
    expect(row6).toContain(",労働力確保事業,,,5,2,,,2023-04-01,");
    expect(csv.trimEnd().split("\n")).toHaveLength(29);
    expect(existsSync(join(dir(), "モデル事業.csv"))).toBe(true);
  });

  test("datapackage.json describes each CSV: typed fields in header order, units, missing values, key, source hash", () => {
    const dp = readJson(join(dir(), "datapackage.json"));
    const rj = readJson(join(dir(), "records.json"));
    expect(dp.sources[0].sha256).toBe(rj.sha256);
    const res = dp.resources[0];
    expect(res).toMatchObject({ path: "一般事業.csv", encoding: "utf-8", fiscalYear: 2023 });
    const header = readFileSync(join(dir(), "一般事業.csv"), "utf8").split("\n")[0]!.split(",");
    expect(res.schema.fields.map((f: { name: string }) => f.name)).toEqual(header);
    expect(res.schema.fields.find((f: { name: string }) => f.name === "事業額（円）")).toMatchObject({ type: "integer", unit: "円" });
    expect(res.schema.primaryKey).toEqual(["整理番号"]);
    expect(res.schema.missingValues).toEqual([""]);
  });

  test("report.json lists every check with a summary", () => {
    const rep = readJson(join(dir(), "report.json"));
    expect(rep.summary).toMatchObject({ tables: 2, records: 31, failed: 0 });
    expect(rep.summary.checks).toBe(rep.tables[0].checks.length + rep.tables[1].checks.length);
    expect(rep.tables[0].checks.filter((c: { rule: string }) => c.rule === "total/sum")).toHaveLength(5);
  });
});

test("--header en writes the field names, --bom starts the CSV with a byte order mark", () => {
  const out = tmp();
  expect(kohyo("extract", sample("tokyo-plan-r5-a3-mincho.pdf"), "-o", out, "--header", "en", "--bom").code).toBe(0);
  const csv = readFileSync(join(out, "tokyo-plan-r5-a3-mincho", "モデル事業.csv"), "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.slice(1).split("\n")[0]!.split(",").slice(0, 4)).toEqual(["no", "municipality.name", "municipality.code", "theme"]);
  const dp = readJson(join(out, "tokyo-plan-r5-a3-mincho", "datapackage.json"));
  expect(dp.resources[1].encoding).toBe("utf-8"); // a BOM is UTF-8 to the Frictionless tools; "utf-8-sig" they reject (test/cli/datapackage.test.ts)
  expect(dp.resources[1].schema.primaryKey).toEqual(["no"]);
});

test("a document no pipeline knows: one line naming the file and exit 8, nothing written", () => {
  const out = tmp();
  const r = kohyo("extract", sample("text-layer-traps.pdf"), "-o", out);
  expect(r.code).toBe(8);
  expect(r.err.trim().split("\n")).toHaveLength(1);
  expect(r.err).toContain("text-layer-traps.pdf: no pipeline recognises this document");
  expect(existsSync(join(out, "text-layer-traps"))).toBe(false);
});

test("a batch goes on past bad files; the good file is extracted; mixed reasons exit 2", () => {
  const out = tmp();
  const r = kohyo("extract", "/nonexistent.pdf", sample("tokyo-plan-r5-b4-merged.pdf"), sample("text-layer-traps.pdf"), "-o", out);
  expect(r.code).toBe(2);
  expect(existsSync(join(out, "tokyo-plan-r5-b4-merged", "records.json"))).toBe(true);
  expect(r.err).toContain("/nonexistent.pdf: file not found");
});

test("usage errors: unknown pipeline, bad --header", () => {
  expect(kohyo("extract", sample("tokyo-plan-r5-a4.pdf"), "--pipeline", "nope").code).toBe(64);
  expect(kohyo("extract", sample("tokyo-plan-r5-a4.pdf"), "--header", "fr").code).toBe(64);
});

test("the guidebook is recognised by itself; its two wrong weekdays (p.20) fail with exit 1, outputs still written", () => {
  const out = tmp();
  const r = kohyo("extract", sample("guidebook-tohoku-r6.pdf"), "-o", out, "--jobs", "1");
  expect(r.code).toBe(1);
  expect(r.out).toContain("guidebook · 5 tables");
  const failed = r.err.split("\n").filter((l) => l.startsWith("kohyo: check failed"));
  expect(failed).toHaveLength(2);
  for (const l of failed) expect(l).toMatch(/guidebook-tohoku-r6\.pdf p\.20 \[.*\]: 「2024\.8\.21\(月\)～10\.(13|20)\(金\)」/);
  const records = JSON.parse(readFileSync(join(out, "guidebook-tohoku-r6", "records.json"), "utf8"));
  expect(records.valid).toBe(false);
  expect(records.tables.map((t: { name: string }) => t.name)).toEqual(["目次", "事業", "問い合わせ先", "金額・日付", "リンク"]);
});

describe("the sample with one mistyped amount (一般事業 3: 事業額 18,997 printed 19,897; 合計 typed in as 477,289)", () => {
  const truth = JSON.parse(readFileSync(sample("tokyo-plan-r5.truth.json"), "utf8"));
  const typo = truth.renderings.find((r: { mistyped?: unknown }) => r.mistyped).mistyped;

  test("exits 1, names the column with printed value, sum and difference (in yen), page and box; outputs still written", () => {
    const out = tmp();
    const r = kohyo("extract", sample("tokyo-plan-r5-a4-mistyped.pdf"), "-o", out);
    expect(r.code).toBe(1);
    const failed = r.err.split("\n").filter((l) => l.startsWith("kohyo: check failed"));
    expect(failed).toEqual([
      expect.stringMatching(new RegExp(`p\\.3 \\[[\\d.,]+\\]: 一般事業: 合計 of 事業額 prints ${typo.total.printed.toLocaleString("en-US")} = ${(typo.total.printed * 1000).toLocaleString("en-US")} yen, the rows sum to ${(typo.total.sum * 1000).toLocaleString("en-US")} yen \\(difference ${(typo.total.difference * 1000).toLocaleString("en-US")}\\)`)),
    ]);
    expect(r.out).toContain(`FAIL total 事業額: printed ${(typo.total.printed * 1000).toLocaleString("en-US")}, sum ${(typo.total.sum * 1000).toLocaleString("en-US")}, difference ${(typo.total.difference * 1000).toLocaleString("en-US")} p.3`);
    const records = JSON.parse(readFileSync(join(out, "tokyo-plan-r5-a4-mistyped", "records.json"), "utf8"));
    expect(records.valid).toBe(false);
    const check = records.tables[0].checks.find((c: { ok: boolean }) => !c.ok);
    expect(check).toMatchObject({ rule: "total/sum", column: "事業額", printed: typo.total.printed * 1000, sum: typo.total.sum * 1000, difference: typo.total.difference * 1000, page: 3, severity: "error" });
    // The mistyped row itself is kept as printed: 19,897 千円.
    expect(records.tables[0].records[typo.no - 1].amountYen).toBe(typo.printedValue * 1000);
  });

  test("--strict writes nothing for it and says so", () => {
    const out = tmp();
    const r = kohyo("extract", sample("tokyo-plan-r5-a4-mistyped.pdf"), "-o", out, "--strict");
    expect(r.code).toBe(1);
    expect(r.err).toContain("--strict: checks failed, nothing written");
    expect(existsSync(join(out, "tokyo-plan-r5-a4-mistyped"))).toBe(false);
    expect(readdirSync(out)).toEqual(["manifest.json"]); // nothing staged is left either
  });

  test("a reader of stdout that stops early (| head) does not stop the batch: every file is written, the manifest too, exit code as without", async () => {
    const out = tmp();
    const child = spawn(process.execPath, [join(ROOT, "dist/src/cli.js"), "extract", sample("tokyo-plan-r5-a4.pdf"), sample("tokyo-plan-r5-a3-mincho.pdf"), "-o", out, "--jobs", "1"]);
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    expect(err).not.toMatch(/EPIPE|Error/);
    for (const name of ["tokyo-plan-r5-a4", "tokyo-plan-r5-a3-mincho"]) expect(readJson(join(out, name, "records.json")).tables).toHaveLength(2);
    expect(readJson(join(out, "manifest.json")).files).toHaveLength(2);
  });

  test("--strict leaves the outputs of an earlier run of the same file as they were", () => {
    const out = tmp();
    expect(kohyo("extract", sample("tokyo-plan-r5-a4-mistyped.pdf"), "-o", out).code).toBe(1);
    const records = join(out, "tokyo-plan-r5-a4-mistyped", "records.json");
    const before = readFileSync(records, "utf8");
    const r = kohyo("extract", sample("tokyo-plan-r5-a4-mistyped.pdf"), "-o", out, "--strict", "--force");
    expect(r.err).toContain("--strict: checks failed, nothing written");
    expect(readFileSync(records, "utf8")).toBe(before);
    expect(readdirSync(join(out, "tokyo-plan-r5-a4-mistyped")).sort()).toEqual(["datapackage.json", "records.json", "report.json", "モデル事業.csv", "一般事業.csv"].sort());
  });
});

/** kohyo with bytes on stdin. */
function piped(input: Buffer, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "dist/src/cli.js"), ...args], { input, cwd: ROOT, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
/** records.json without the file's name, which differs by design ("-" or the path). */
const recordsOf = (dir: string) => {
  const { file, ...rest } = readJson(join(dir, "records.json"));
  return { file, rest };
};

describe("kohyo extract - reads the PDF from stdin", () => {
  test("the same records as from the file, named - and written under stdin/", () => {
    const a = tmp();
    const b = tmp();
    const fromStdin = piped(readFileSync(sample("tokyo-plan-r5-a4.pdf")), "extract", "-", "-o", a);
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.out).toMatch(/^-: tokyo-jinzai-plan · 2 tables · 31 records/);
    expect(kohyo("extract", sample("tokyo-plan-r5-a4.pdf"), "-o", b).code).toBe(0);
    const x = recordsOf(join(a, "stdin"));
    expect(x.file).toBe("-");
    expect(x.rest).toEqual(recordsOf(join(b, "tokyo-plan-r5-a4")).rest);
    expect(readJson(join(a, "stdin", "datapackage.json")).sources[0].path).toBe("-");
  });

  test("not a PDF on stdin: one line naming - and the reason, exit 4", () => {
    expect(piped(Buffer.from("hello"), "extract", "-", "-o", tmp())).toMatchObject({ code: 4, err: "kohyo: -: not a PDF (no %PDF- header)\n" });
  });

  // A document over 48 pages is read in chunks by the workers, which open the saved copy.
  test.skipIf(!HAVE_CORPUS)("a long document on stdin is read in chunks over two workers: the same records as from the file", () => {
    const file = corpus("26_nankoku-city_R8_ippan-kaikei_yosansho.pdf");
    const a = tmp();
    const b = tmp();
    expect(piped(readFileSync(file), "extract", "-", "-o", a, "--jobs", "2", "--ocr", "off").code).toBe(0);
    expect(kohyo("extract", file, "-o", b, "--jobs", "2", "--ocr", "off").code).toBe(0);
    expect(recordsOf(join(a, "stdin")).rest).toEqual(recordsOf(join(b, readdirSync(b).find((d) => d !== "manifest.json")!)).rest);
  });
});
