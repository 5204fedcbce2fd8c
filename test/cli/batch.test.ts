/**
 * `kohyo extract` over batches: worker threads, the manifest, skipping unchanged files,
 * a bad file among good ones, and a long document split over the workers.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { repeatedPdf } from "../fixtures.js";
import { SplitAssembly } from "../../src/batch/report.js";
import { analyseChunk, extractFile, releaseDocument } from "../../src/batch/task.js";
import { runExtractBatch } from "../../src/batch/run.js";
import { MAX_STALLED_PAGES } from "../../src/batch/pool.js";
import { DEFAULT_LIMITS } from "../../src/pdf/limits.js";
import { pipelineByName } from "../../src/registry.js";
import { kohyo, open, sample } from "../helpers.js";

const tmp = () => mkdtempSync(join(tmpdir(), "kohyo-batch-"));
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"));
/** records.json without what may differ between runs of the same file. */
const records = (dir: string) => readJson(join(dir, "records.json")).tables;

describe("a folder of two plans and a corrupt file, on 2 workers", () => {
  let input: string;
  let out: string;
  let first: ReturnType<typeof kohyo>;
  beforeAll(() => {
    input = tmp();
    out = tmp();
    copyFileSync(sample("tokyo-plan-r5-a4.pdf"), join(input, "a4.pdf"));
    copyFileSync(sample("tokyo-plan-r5-b4-merged.pdf"), join(input, "b4.pdf"));
    // The first half of a real PDF: truncated.
    const bytes = readFileSync(sample("tokyo-plan-r5-a3-mincho.pdf"));
    writeFileSync(join(input, "broken.pdf"), bytes.subarray(0, bytes.length >> 1));
    first = kohyo("extract", input, "-o", out, "--jobs", "2");
  });

  test("every good file is extracted and the bad one reported in one line with exit 5 (damaged)", () => {
    expect(first.code).toBe(5);
    expect(records(join(out, "a4"))).toHaveLength(2);
    expect(records(join(out, "b4"))).toHaveLength(2);
    expect(first.err.split("\n").filter((l) => l.startsWith("kohyo:"))).toEqual([expect.stringMatching(/broken\.pdf: .*(truncated|damaged)/)]);
  });

  test("the manifest lists every file with SHA-256, pipeline, tables, records, checks and status", () => {
    const m = readJson(join(out, "manifest.json"));
    const entries = Object.fromEntries(m.files.map((e: { file: string }) => [e.file.split("/").pop(), e]));
    expect(entries["a4.pdf"]).toMatchObject({ pipeline: "tokyo-jinzai-plan", status: "ok", records: 31, pages: 4 });
    expect(entries["a4.pdf"].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(entries["a4.pdf"].tables.map((t: { name: string }) => t.name)).toEqual(["一般事業", "モデル事業"]);
    expect(entries["a4.pdf"].checks.failed).toBe(0);
    expect(entries["broken.pdf"]).toMatchObject({ status: "unreadable", reason: "damaged", output: null });
  });

  test("the end of a batch prints one row per file and the pages per second", () => {
    expect(first.out).toMatch(/^file\s+pipeline\s+pages\s+records/m);
    expect(first.out).toMatch(/3 files, 1 with problems, \d+ pages in [\d.]+ s/);
  });

  test("a second run skips every unchanged file, the broken one too, whose error and exit code stand; --force redoes them", () => {
    const again = kohyo("extract", input, "-o", out, "--jobs", "2");
    expect(again.out.match(/unchanged, skipped/g)).toHaveLength(3);
    expect(again.out).toMatch(/broken\.pdf\s.*unchanged, skipped \(unreadable: damaged\)/);
    expect(again.out).not.toContain("tokyo-jinzai-plan · 2 tables"); // nothing read again
    expect(again.code).toBe(5);
    expect(again.err.split("\n").filter((l) => l.startsWith("kohyo:"))).toEqual([expect.stringMatching(/broken\.pdf: .*(truncated|damaged).*unchanged since the last run/)]);
    const forced = kohyo("extract", join(input, "a4.pdf"), "-o", out, "--force", "--jobs", "1");
    expect(forced.out).toContain("tokyo-jinzai-plan · 2 tables · 31 records");
  });

  test("a changed file is extracted again", () => {
    const other = tmp();
    mkdirSync(join(other, "x"));
    copyFileSync(sample("tokyo-plan-r5-a4.pdf"), join(other, "x", "plan.pdf"));
    expect(kohyo("extract", join(other, "x"), "-o", join(other, "out")).code).toBe(0);
    copyFileSync(sample("tokyo-plan-r5-a3-mincho.pdf"), join(other, "x", "plan.pdf"));
    const r = kohyo("extract", join(other, "x"), "-o", join(other, "out"));
    expect(r.out).not.toContain("skipped");
    expect(readJson(join(other, "out", "manifest.json")).files[0].sha256).toBe(readJson(join(other, "out", "plan", "records.json")).sha256);
  });
});

test("a long document split over 2 workers gives the same records as read in one thread", async () => {
  const dir = tmp();
  // 14 copies of the A4 plan: 56 pages, more than one worker's share.
  writeFileSync(join(dir, "book.pdf"), await repeatedPdf(readFileSync(sample("tokyo-plan-r5-a4.pdf")), 14));
  const one = kohyo("extract", join(dir, "book.pdf"), "-o", join(dir, "one"), "--jobs", "1");
  const two = kohyo("extract", join(dir, "book.pdf"), "-o", join(dir, "two"), "--jobs", "2");
  expect([one.code, two.code]).toEqual([0, 0]);
  const a = records(join(dir, "one", "book"));
  expect(a).toHaveLength(28);
  expect(a.map((t: { name: string }) => t.name).slice(0, 4)).toEqual(["一般事業", "モデル事業", "一般事業", "モデル事業"]);
  expect(records(join(dir, "two", "book"))).toEqual(a);
});

test("the worker that recognised a long document reads its chunks from the same open document, and every page of them counts as read", async () => {
  const dir = tmp();
  // 14 copies of the A4 plan: 56 pages, every one with text (samples/tokyo-plan-r5-a4.fods).
  const file = join(dir, "book.pdf");
  writeFileSync(file, await repeatedPdf(readFileSync(sample("tokyo-plan-r5-a4.pdf")), 14));
  const settings = { outDir: join(dir, "out"), bom: false, header: "ja" as const, strict: false, splitAbove: 48 };
  const first = await extractFile(file, settings);
  expect(first).toMatchObject({ kind: "split", pipeline: "tokyo-jinzai-plan", pages: Array.from({ length: 56 }, (_, i) => i + 1) });
  // Recognising read pages 1 and 2 already: the chunk counts them all the same.
  const head = await analyseChunk(file, undefined, "tokyo-jinzai-plan", [1, 2, 3, 4]);
  expect(head.stats).toEqual({ read: 4, withText: 4, failed: 0 });
  const rest = await analyseChunk(file, undefined, "tokyo-jinzai-plan", Array.from({ length: 52 }, (_, i) => i + 5));
  expect(rest.stats).toEqual({ read: 52, withText: 52, failed: 0 });
  expect(head.analyses.map((a) => a.number)).toEqual([1, 2, 3, 4]);
  await releaseDocument();
});

describe("a worker thread that dies", () => {
  const crashing = new URL("../crashing-worker.mjs", import.meta.url);
  const quiet = { out: () => {}, err: () => {}, bar: null };
  const settings = (outDir: string) => ({ outDir, bom: false, header: "ja" as const, strict: false, splitAbove: 48 });

  test("while reading a file fails that file alone as an internal error (exit 70): the other is extracted, the manifest lists both", async () => {
    const dir = tmp();
    copyFileSync(sample("tokyo-plan-r5-a4.pdf"), join(dir, "good.pdf"));
    copyFileSync(sample("tokyo-plan-r5-a4.pdf"), join(dir, "crash.pdf"));
    const out = join(dir, "out");
    const files = [join(dir, "crash.pdf"), join(dir, "good.pdf")];
    const { code, reports } = await runExtractBatch(files, settings(out), { jobs: 2, force: true, table: false, workerScript: crashing }, quiet);
    expect(code).toBe(70);
    expect(reports.map((r) => [r.file.split("/").pop(), r.status])).toEqual([["crash.pdf", "internal-error"], ["good.pdf", "ok"]]);
    expect(reports[0]!.err).toMatch(/crash\.pdf: internal error .*worker thread stopped \(exit code 3\)/);
    // The good file's records (samples/tokyo-plan-r5-a4.fods: 28 + 3 rows).
    expect(records(join(out, "good")).map((t: { records: unknown[] }) => t.records.length)).toEqual([28, 3]);
    const m = readJson(join(out, "manifest.json"));
    expect(m.files.map((e: { file: string; status: string }) => [e.file.split("/").pop(), e.status])).toEqual([["crash.pdf", "internal-error"], ["good.pdf", "ok"]]);
    expect(readdirSync(out).sort()).toEqual(["good", "manifest.json"]);
  });

  test("while reading a chunk of a long document gives that document up: nothing of it written or left staged, an earlier run's outputs kept", async () => {
    const dir = tmp();
    // 14 copies of the A4 plan: 56 pages, split over the workers; the chunk with page 30 dies.
    writeFileSync(join(dir, "crash-book.pdf"), await repeatedPdf(readFileSync(sample("tokyo-plan-r5-a4.pdf")), 14));
    const out = join(dir, "out");
    mkdirSync(join(out, "crash-book"), { recursive: true });
    writeFileSync(join(out, "crash-book", "records.json"), "earlier run\n");
    const { code, reports } = await runExtractBatch([join(dir, "crash-book.pdf")], settings(out), { jobs: 2, force: true, table: false, workerScript: crashing }, quiet);
    expect(code).toBe(70);
    expect(reports[0]).toMatchObject({ status: "internal-error", output: null });
    expect(readdirSync(out).sort()).toEqual(["crash-book", "manifest.json"]);
    expect(readdirSync(join(out, "crash-book"))).toEqual(["records.json"]);
    expect(readFileSync(join(out, "crash-book", "records.json"), "utf8")).toBe("earlier run\n");
  });
});

describe("a page that never ends (stuck where pdf.js's own check of the time cannot stop it), --page-timeout 5", () => {
  const stalling = new URL("../stalling-worker.mjs", import.meta.url);
  const quiet = { out: () => {}, err: () => {}, bar: null };
  const settings = (outDir: string) => ({ outDir, bom: false, header: "ja" as const, strict: false, splitAbove: 48 });
  const opts = { jobs: 1, force: true, table: false, workerScript: stalling, limits: { ...DEFAULT_LIMITS, pageSeconds: 5 } };

  test("is left out with a finding after 10 s: its worker is stopped and replaced, the file goes on to its verdict (over a limit, exit 10) and the next file is extracted", async () => {
    const dir = tmp();
    copyFileSync(sample("tokyo-plan-r5-a4.pdf"), join(dir, "stall.pdf"));
    copyFileSync(sample("tokyo-plan-r5-a4.pdf"), join(dir, "good.pdf"));
    const out = join(dir, "out");
    const started = Date.now();
    const { code, reports } = await runExtractBatch([join(dir, "stall.pdf"), join(dir, "good.pdf")], settings(out), opts, quiet);
    expect(code).toBe(10);
    expect(reports.map((r) => [r.file.split("/").pop(), r.status, r.reason ?? null])).toEqual([["stall.pdf", "unreadable", "over-limit"], ["good.pdf", "ok", null]]);
    // Read again without page 2: pages 1, 3 and 4 read (4 pages, one left out).
    expect(reports[0]!.err).toBe(`kohyo: ${join(dir, "stall.pdf")}: over a limit: 1 of 4 pages left out, the first because reading it ran past 10 s and its worker was stopped (--page-timeout 5)\n`);
    // The good file, on the worker that replaced the stopped one (samples/tokyo-plan-r5-a4.fods: 28 + 3 rows).
    expect(records(join(out, "good")).map((t: { records: unknown[] }) => t.records.length)).toEqual([28, 3]);
    expect(readdirSync(out).sort()).toEqual(["good", "manifest.json"]);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  test("while the file is opened, or on page after page: the file is over a limit, nothing written, the batch goes on", async () => {
    const dir = tmp();
    for (const n of ["stall-open.pdf", "stall-all.pdf", "good.pdf"]) copyFileSync(sample("tokyo-plan-r5-a4.pdf"), join(dir, n));
    const out = join(dir, "out");
    const { code, reports } = await runExtractBatch(["stall-open.pdf", "stall-all.pdf", "good.pdf"].map((n) => join(dir, n)), settings(out), opts, quiet);
    expect(code).toBe(10);
    expect(reports.map((r) => r.err)).toEqual([
      `kohyo: ${join(dir, "stall-open.pdf")}: over a limit: opening it ran past 10 s and its worker was stopped (--page-timeout 5)\n`,
      // Pages 1, 2 and 3 were left out one after the other; page 4 stopped a fourth worker.
      `kohyo: ${join(dir, "stall-all.pdf")}: over a limit: reading ${MAX_STALLED_PAGES + 1} of its pages ran past 10 s and its worker was stopped (--page-timeout 5)\n`,
      "",
    ]);
    expect(readdirSync(out).sort()).toEqual(["good", "manifest.json"]);
    // Five stalls of 10 s each and six workers started: 50 s at the least, more on a loaded machine.
  }, 180_000);

  test("in a chunk of a long document split over the workers: that page is left out and the document goes on to its verdict", async () => {
    const dir = tmp();
    // 14 copies of the A4 plan, 56 pages, split over 2 workers; page 30 never ends.
    writeFileSync(join(dir, "stall-book.pdf"), await repeatedPdf(readFileSync(sample("tokyo-plan-r5-a4.pdf")), 14));
    const out = join(dir, "out");
    const { code, reports } = await runExtractBatch([join(dir, "stall-book.pdf")], settings(out), { ...opts, jobs: 2 }, quiet);
    expect(code).toBe(10);
    expect(reports[0]!.err).toBe(`kohyo: ${join(dir, "stall-book.pdf")}: over a limit: 1 of 56 pages left out, the first because reading it ran past 10 s and its worker was stopped (--page-timeout 5)\n`);
    expect(readdirSync(out)).toEqual(["manifest.json"]);
  });
});

test("a book repeating a table name writes one CSV per table (-2, -3 …), each a resource of its own in datapackage.json", async () => {
  const dir = tmp();
  // 3 copies of the A4 plan: 3 tables named 一般事業 (28 rows each) and 3 named モデル事業 (3 rows each).
  writeFileSync(join(dir, "book.pdf"), await repeatedPdf(readFileSync(sample("tokyo-plan-r5-a4.pdf")), 3));
  expect(kohyo("extract", join(dir, "book.pdf"), "-o", dir, "--jobs", "1").code).toBe(0);
  const pkg = readJson(join(dir, "book", "datapackage.json"));
  const paths = pkg.resources.map((r: { path: string }) => r.path);
  expect(paths).toEqual(["一般事業.csv", "モデル事業.csv", "一般事業-2.csv", "モデル事業-2.csv", "一般事業-3.csv", "モデル事業-3.csv"]);
  expect(new Set(pkg.resources.map((r: { name: string }) => r.name)).size).toBe(6);
  const rows = (p: string) => readFileSync(join(dir, "book", p), "utf8").trim().split("\n").length - 1;
  expect(paths.map(rows)).toEqual([28, 3, 28, 3, 28, 3]);
});

test("chunks of a split document assembled in whatever order they finish give its tables in page order", async () => {
  const dir = tmp();
  const file = join(dir, "book.pdf");
  // 3 copies of the A4 plan: 一般事業 on pages 1–3 and モデル事業 on page 4 of each copy.
  writeFileSync(file, await repeatedPdf(readFileSync(sample("tokyo-plan-r5-a4.pdf")), 3));
  const pipeline = pipelineByName("tokyo-jinzai-plan")!;
  const doc = await open(file);
  const analyses = [];
  for await (const page of doc.pages()) analyses.push(await pipeline.analysePage!(page));
  const split = { kind: "split" as const, info: doc.info, diagnostics: [], pipeline: pipeline.name, pages: analyses.map((a) => a.number) };
  await doc.close();
  const stats = (n: number) => ({ read: n, withText: n, failed: 0 });
  const chunks = [analyses.slice(0, 5), analyses.slice(5, 6), analyses.slice(6, 11), analyses.slice(11)];
  const settings = { outDir: join(dir, "out"), bom: false, header: "ja" as const, strict: false, splitAbove: 48 };
  const assembly = new SplitAssembly(file, split, settings, pipeline);
  await Promise.all([3, 1, 0, 2].map((i) => assembly.add(i, { analyses: chunks[i]!, stats: stats(chunks[i]!.length) })));
  const report = await assembly.finish();
  expect(report.status).toBe("ok");
  expect(report.tables).toEqual(
    [0, 4, 8].flatMap((o) => [
      { name: "一般事業", pages: [o + 1, o + 2, o + 3], records: 28 },
      { name: "モデル事業", pages: [o + 4], records: 3 },
    ]),
  );
  expect(readdirSync(settings.outDir)).toEqual(["book"]);

  // A chunk that cannot be read gives the file up: the tables written so far go too.
  const again = { ...settings, outDir: join(dir, "again") };
  const given = new SplitAssembly(file, split, again, pipeline);
  await given.add(0, { analyses: chunks[0]!, stats: stats(chunks[0]!.length) }); // 一般事業 pages 1–3 complete, written
  expect(readdirSync(again.outDir)).toHaveLength(1); // staged beside the output folder
  given.abort();
  expect(readdirSync(again.outDir)).toEqual([]);
});

test("a file read with other --pages is read again, not skipped (recognition reads the first pages chosen)", () => {
  const dir = tmp();
  copyFileSync(sample("tokyo-plan-r5-a4.pdf"), join(dir, "plan.pdf"));
  // Page 4 alone holds the モデル事業 table only: 3 records.
  const part = kohyo("extract", join(dir, "plan.pdf"), "-o", join(dir, "out"), "--pages", "4", "--jobs", "1");
  expect(part.out).toContain("1 table · 3 records");
  const whole = kohyo("extract", join(dir, "plan.pdf"), "-o", join(dir, "out"), "--jobs", "1");
  expect(whole.out).toContain("2 tables · 31 records");
  const again = kohyo("extract", join(dir, "plan.pdf"), "-o", join(dir, "out"), "--jobs", "1");
  expect(again.out).toContain("unchanged since the last run, skipped");
});
