/**
 * Hostile and broken PDFs end as a finding and an exit code, in bounded time and memory:
 * decompression bombs, a pattern that paints itself, deep nesting, too many pages, a huge
 * ruled grid; and files whose verdict was wrong (/Count 0, a missing /Encrypt).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import * as hostile from "../../scripts/hostile.mjs";
import { maxOf, minOf, pushAll } from "../../src/bounded.js";
import { kohyo, ROOT, sample } from "../helpers.js";

const dir = mkdtempSync(join(tmpdir(), "kohyo-limits-"));
const file = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
/** The lines kohyo wrote on stderr (its own: they start with "kohyo:"), and that none is a stack trace. */
const lines = (err: string) => {
  expect(err).not.toMatch(/^\s+at /m);
  return err.split("\n").filter((l) => l.startsWith("kohyo:"));
};

test("a 2.4 KB file inflating to 1 GB (deflated twice) is over a limit: one line naming the file and the budget, exit 10", async () => {
  const bomb = file("bomb.pdf", await hostile.doubleBomb(1 << 30));
  expect(readFileSync(bomb).length).toBeLessThan(4096);
  const r = kohyo("tables", bomb);
  expect(r.code).toBe(10);
  expect(lines(r.err)).toEqual([`kohyo: ${bomb}: over a limit: 1 of 1 pages left out, the first because a stream inflates to more than 256 MB (--limit stream-bytes=268435456)`]);
});

test("the budget of a stream can be lowered (and so raised): a 20 MB stream is over --limit stream-bytes=10000000, within the default", () => {
  const bomb = file("bomb20.pdf", hostile.bomb(20 << 20));
  expect(kohyo("inspect", bomb, "--limit", "stream-bytes=10000000").code).toBe(10);
  expect(kohyo("inspect", bomb).code).toBe(0);
});

test("a tiling pattern that paints itself stops at the pattern depth: exit 10, not a heap exhausted", () => {
  const r = kohyo("facts", file("pattern.pdf", hostile.selfPaintingPattern()));
  expect(r.code).toBe(10);
  expect(lines(r.err)).toEqual([expect.stringMatching(/pattern\.pdf: over a limit: .*patterns nested more than 8 deep \(--limit pattern-depth=8\)$/)]);
});

test("a page pdf.js reads longer than --page-timeout is left out with a finding, the file goes on to its verdict: exit 10", () => {
  const r = kohyo("inspect", file("nested.pdf", hostile.nestedSaves(60_000)), "--page-timeout", "1");
  expect(r.code).toBe(10);
  expect(lines(r.err).at(-1)).toMatch(/nested\.pdf: over a limit: 1 of 1 pages left out, the first because reading it took more than 1 s \(--page-timeout 1\)$/);
});

test("more pages than --limit pages: refused before reading, exit 10; within it, read", () => {
  const many = file("many.pdf", hostile.manyPages(30));
  const r = kohyo("inspect", many, "--limit", "pages=20");
  expect(r.code).toBe(10);
  expect(lines(r.err)).toEqual([`kohyo: ${many}: over a limit: 30 pages, more than 20 (--limit pages=20)`]);
  expect(kohyo("inspect", many, "--json").code).toBe(0);
  expect(kohyo("inspect", file("huge.pdf", hostile.manyPages(6000))).code).toBe(10); // the default: 5,000
});

test("a 300 × 300 ruled grid is no table (over the budget of cells) and no internal error: kohyo tables exits 0", () => {
  const r = kohyo("tables", file("grid.pdf", hostile.ruledGrid(300)));
  expect(lines(r.err)).toEqual([]);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out).tables).toEqual([]);
});

/** A page of 42,120 short numbers, 390 rows of 108, no rules. */
function manyNumbers(): string {
  let content = "BT /F1 1 Tf\n";
  for (let r = 0; r < 390; r++) for (let c = 0; c < 108; c++) content += `1 0 0 1 ${31 + c * 5} ${812 - r * 2} Tm (${(r * 108 + c) % 1000}) Tj\n`;
  return file("many-numbers.pdf", hostile.onePage(`${hostile.TEXT}${content}ET\n`));
}

/** kohyo run with the CPU seconds it took (the process's, its threads' included): not wall time, the machine may be busy. */
function withCpu(...args: string[]) {
  const hook = `data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("@@cpu "+(u.userCPUTime+u.systemCPUTime)+"\\n")})`;
  const r = spawnSync(process.execPath, ["--import", hook, join(ROOT, "dist/src/cli.js"), ...args], { encoding: "utf8" });
  return { code: r.status, cpuSeconds: Number(/@@cpu (\d+)/.exec(r.stderr)?.[1]) / 1e6 };
}

test("kohyo facts on a page of 42,120 short numbers takes seconds of CPU, not minutes: no line is compared with every other", () => {
  const r = withCpu("facts", manyNumbers());
  expect(r.code).toBe(0);
  // Comparing each line with each took 76 s of CPU here (its output the same); now under 3 s.
  expect(r.cpuSeconds).toBeLessThan(20);
});

test("kohyo tables on the same page looks for no stream table (more runs than --limit stream-runs, 10000): seconds of CPU", () => {
  const r = withCpu("tables", manyNumbers(), "--format", "json");
  expect(r.code).toBe(0);
  // Looking for stream tables among 42,120 runs took 24 s of CPU here; 10,000 runs take ~3 s.
  expect(r.cpuSeconds).toBeLessThan(15);
});

test("a page tree with /Count 0 is damaged (exit 5), not a scan", () => {
  const r = kohyo("tables", file("count0.pdf", hostile.countZero()));
  expect(r.code).toBe(5);
  expect(lines(r.err)).toEqual([expect.stringMatching(/count0\.pdf: damaged: its page tree names no pages/)]);
});

test("an encrypted file whose /Encrypt dictionary is missing is damaged (exit 5), not a scan", () => {
  const bytes = readFileSync(sample("tokyo-plan-r5-a4.encrypted.pdf"));
  const at = bytes.indexOf("\n29 0 obj") + 1; // the /Encrypt dictionary (the trailer says /Encrypt 29 0 R)
  expect(bytes.subarray(at, at + 8).toString("latin1")).toBe("29 0 obj");
  bytes.write("99", at, "latin1");
  const r = kohyo("tables", file("no-encrypt.pdf", bytes));
  expect(r.code).toBe(5);
  expect(lines(r.err)).toEqual([expect.stringMatching(/no-encrypt\.pdf: damaged: its trailer names an \/Encrypt dictionary that is missing/)]);
});

test("a bad --limit is a usage error", () => {
  expect(kohyo("inspect", sample("tokyo-plan-r5-a4.pdf"), "--limit", "bytes=3").code).toBe(64);
  expect(kohyo("inspect", sample("tokyo-plan-r5-a4.pdf"), "--page-timeout", "soon").code).toBe(64);
});

test("minOf, maxOf and pushAll take arrays longer than a call's arguments may be", () => {
  const xs = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_001);
  expect(() => Math.min(...xs)).toThrow(RangeError);
  expect([minOf(xs), maxOf(xs), minOf([]), maxOf([]), minOf([1, NaN])]).toEqual([0, 300_000, Infinity, -Infinity, NaN]);
  const out: number[] = [1];
  pushAll(out, xs);
  expect(out.length).toBe(300_001);
});

test("a file whose font dictionaries are blanked out is read with a stand-in font: each page says so (pdf/font-missing), the intact file does not", () => {
  const bytes = Buffer.from(readFileSync(sample("tokyo-plan-r5-a4.pdf")));
  // Each font dictionary (`N 0 obj <</Type/Font/…>> endobj`) overwritten with spaces, every offset kept:
  // pdf.js then draws the text with Helvetica, the codes read as WinAnsi (ASCII garbage, before: no finding).
  let blanked = 0;
  for (const m of bytes.toString("latin1").matchAll(/\n\d+ 0 obj\n(<<\/Type\/Font\/[^]*?)endobj/g)) {
    const start = m.index + m[0].indexOf(m[1]!);
    bytes.fill(0x20, start, start + m[1]!.length);
    blanked++;
  }
  expect(blanked).toBe(3); // the sample's three subsets of IPAexGothic
  const r = kohyo("inspect", file("blanked-fonts.pdf", bytes));
  const warned = lines(r.err).filter((l) => l.includes("a font the file lacks or has broken"));
  expect(warned.map((l) => /: page (\d+): \d+ characters/.exec(l)?.[1])).toEqual(["1", "2", "3", "4"]);
  const intact = kohyo("inspect", sample("tokyo-plan-r5-a4.pdf"));
  expect(intact.err).not.toContain("a font the file lacks or has broken");
});

test("a page's kept image decodings are all settled before its picture is made, also those the picture never waits for (inside a pattern) and one that fails", async () => {
  const { Guard } = await import("../../src/pdf/limits.js");
  const guard = new Guard();
  const done: string[] = [];
  const later = (name: string, ms: number, fail = false) => () =>
    new Promise<void>((resolve, reject) => setTimeout(() => (done.push(name), fail ? reject(new Error(name)) : resolve()), ms));
  expect(guard.deferImage("g_d0 6", later("placed", 5))).toBe(true);
  guard.deferImage("g_d0 6", later("in a pattern", 30));
  guard.deferImage("g_d0 6", later("broken", 15, true));
  guard.deferImage("g_d0 7", later("next page", 1));
  await guard.decodeImages("g_d0 6");
  // All three of page 7 (index 6) done when the call settles; page 8's left for its own page.
  expect(done.sort()).toEqual(["broken", "in a pattern", "placed"]);
  guard.dropImages("g_d0 7");
});
