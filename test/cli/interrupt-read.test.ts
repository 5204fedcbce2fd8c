/**
 * Ctrl-C (SIGINT) or SIGTERM while `kohyo tables` or `kohyo facts` read a long document on
 * the worker pool: the workers are stopped, what was half written of the document goes
 * (its *.partial files, and the output folder this run made), and the process exits 130
 * soon after the signal. The document: corpus 26, the 143-page budget book, three times
 * over in one PDF (429 pages, in a temporary folder), read in chunks over two workers
 * (more than SPLIT_ABOVE = 48 pages). Three times, because the book alone gives its first
 * output only once its first chunk of 32 pages is in, when the other workers have read
 * most of the rest: the signal must come while pages are still being read.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { repeatedPdf } from "../fixtures.js";
import { corpus, HAVE_CORPUS, outputNameOf, ROOT } from "../helpers.js";

const LONG = mkdtempSync(join(tmpdir(), "kohyo-long-"));
const BOOK = join(LONG, "book-x3.pdf");
beforeAll(async () => {
  if (HAVE_CORPUS) writeFileSync(BOOK, await repeatedPdf(readFileSync(corpus("26_nankoku-city_R8_ippan-kaikei_yosansho.pdf")), 3));
});
afterAll(() => rmSync(LONG, { recursive: true, force: true }));

/** Every file under dir, by its path below dir. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

/**
 * Runs kohyo and sends `signal` as soon as its first output shows in `dir` (a file beside
 * its name, *.partial: written, not yet in place); how long the process took after it.
 */
function interruptedAtFirstOutput(args: string[], dir: string, signal: NodeJS.Signals): Promise<{ code: number | null; err: string; sawPartial: string | null; ms: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, "dist/src/cli.js"), ...args], { cwd: ROOT });
    let err = "";
    let sent = 0;
    let sawPartial: string | null = null;
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.stdout.resume();
    const poll = setInterval(() => {
      const partial = filesUnder(dir).find((f) => f.endsWith(".partial"));
      if (!partial) return;
      clearInterval(poll);
      sawPartial = partial;
      sent = Date.now();
      child.kill(signal);
    }, 20);
    child.on("close", (code) => {
      clearInterval(poll);
      resolve({ code, err, sawPartial, ms: sent ? Date.now() - sent : -1 });
    });
  });
}

test.skipIf(!HAVE_CORPUS)("SIGINT once kohyo tables has written its first table of a 429-page book: exit 130 within seconds, no .partial left, the folder it made removed", async () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-tables-sigint-"));
  const r = await interruptedAtFirstOutput(["tables", BOOK, "--format", "csv", "-o", out, "--jobs", "2", "--ocr", "off"], out, "SIGINT");
  expect(r.sawPartial).toMatch(/\.csv\.partial$/);
  expect(r.code).toBe(130);
  expect(r.ms).toBeLessThan(5000);
  expect(r.err).toContain("kohyo: interrupted: 0 of 1 files finished; nothing of the file being read is kept");
  expect(filesUnder(out)).toEqual([]);
  expect(readdirSync(out)).toEqual([]);
}, 180_000);

test.skipIf(!HAVE_CORPUS)("SIGTERM once kohyo facts has written its first page of facts: exit 130, the earlier run's facts.json kept as it was, no facts.json.partial left", async () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-facts-sigterm-"));
  // What an earlier, finished run left in the folder: this run must neither half-replace it nor remove it.
  const folder = join(out, outputNameOf(BOOK));
  mkdirSync(folder);
  writeFileSync(join(folder, "facts.json"), "earlier\n");
  const r = await interruptedAtFirstOutput(["facts", BOOK, "-o", out, "--jobs", "2", "--ocr", "off"], out, "SIGTERM");
  expect(r.sawPartial).toBe(join(outputNameOf(BOOK), "facts.json.partial"));
  expect(r.code).toBe(130);
  expect(r.ms).toBeLessThan(5000);
  expect(r.err).toContain("kohyo: interrupted: 0 of 1 files finished");
  expect(filesUnder(out)).toEqual([join(outputNameOf(BOOK), "facts.json")]);
  expect(readFileSync(join(folder, "facts.json"), "utf8")).toBe("earlier\n");
}, 180_000);

test.skipIf(!HAVE_CORPUS)("SIGINT after an earlier file of the batch was refused (-o - with several tables): exit 130, not the refusal's 64", async () => {
  const child = spawn(process.execPath, [join(ROOT, "dist/src/cli.js"), "tables", "--format", "csv", "-o", "-", join(ROOT, "samples/tokyo-plan-r5-a4.pdf"), BOOK, "--jobs", "2", "--ocr", "off"], { cwd: ROOT });
  let err = "";
  child.stdout.resume();
  const code = await new Promise<number | null>((resolve) => {
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      err += d;
      // The plan's two tables refused, then the book being read: stop it.
      if (err.includes("CSV on stdout takes one")) setTimeout(() => child.kill("SIGINT"), 500);
    });
    child.on("close", resolve);
  });
  expect(err).toContain("tokyo-plan-r5-a4.pdf: 2 tables: CSV on stdout takes one");
  expect(err).toContain("kohyo: interrupted: 1 of 2 files finished");
  expect(code).toBe(130);
}, 180_000);
