/**
 * Progress inside a long file: on a terminal, `tables` and `facts` redraw
 * "FILE: 12/28 pages · 6.5 pages/s" in place on stderr and clear it when the file is done;
 * `extract` counts the pages its workers read in its bar as they go. Not on a terminal,
 * nothing. The terminal is a pseudo-terminal made by util-linux `script`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { kohyo, ROOT, sample } from "../helpers.js";

const HAVE_SCRIPT = spawnSync("script", ["--version"]).status === 0;
const CLI = join(ROOT, "dist/src/cli.js");

/** kohyo's stdout and stderr as a terminal shows them (one stream), run in a pseudo-terminal. */
function onTerminal(...args: string[]): string {
  return onTerminalExiting(0, ...args);
}
function onTerminalExiting(status: number, ...args: string[]): string {
  const command = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(" ");
  const r = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, COLUMNS: "200" } });
  expect(r.status).toBe(status);
  return r.stdout;
}

test.skipIf(!HAVE_SCRIPT)("on a terminal: pages read of the file's 28, with pages/s, redrawn in place, then cleared", () => {
  for (const command of ["facts", "tables"]) {
    const shown = onTerminal(command, sample("guidebook-tohoku-r6.pdf"), "-o", mkdtempSync(join(tmpdir(), "kohyo-progress-")));
    const draws = shown.split("\r\x1b[2K").slice(1);
    // Besides the progress: the file's summary (→) and, for facts, the weekday warnings of p.20
    // (the sample prints two weekdays wrong, on purpose).
    const progress = draws.map((d) => d.split("\r\n")[0]!).filter((d) => d !== "" && !d.includes("→") && !d.startsWith("kohyo:"));
    expect(progress.length).toBeGreaterThan(0);
    for (const d of progress) expect(d).toMatch(new RegExp(`^${sample("guidebook-tohoku-r6.pdf").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: \\d+/28 pages · [\\d.,]+ pages/s$`));
    // The last page is drawn, then the line is cleared before the file's summary.
    expect(progress.at(-1)).toMatch(/: 28\/28 pages/);
    expect(shown.slice(shown.lastIndexOf("\r\x1b[2K"))).toMatch(/guidebook-tohoku-r6\.pdf: \d+ (facts|tables) →/);
  }
});

test("not on a terminal: no progress line at all", () => {
  const r = kohyo("facts", sample("guidebook-tohoku-r6.pdf"), "--format", "csv", "-o", "-");
  expect(r.code).toBe(0);
  // Only the warnings of the two weekdays the sample prints wrong on p.20, on purpose.
  const lines = r.err.split("\n").filter((l) => l !== "");
  expect(lines.length).toBeGreaterThan(0);
  for (const l of lines) expect(l).toMatch(/^kohyo: warning: .*p\.20: .*曜日/);
  expect(r.err).not.toMatch(/pages ·|\r/);
});

test.skipIf(!HAVE_SCRIPT)("extract on a terminal: the bar counts the pages of a file still being read, page by page, up to its 28", () => {
  // Exit 1: the sample prints two weekdays wrong on p.20, on purpose.
  const shown = onTerminalExiting(1, "extract", sample("guidebook-tohoku-r6.pdf"), "--jobs", "1", "-o", mkdtempSync(join(tmpdir(), "kohyo-progress-")));
  const counts = shown
    .split("\r\x1b[2K")
    .map((d) => /^\[[#-]+\] 0\/1 files · (\d+) pages/.exec(d)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  // Drawn while the one file is not yet done: more than the start and the end.
  expect(counts.filter((n) => n > 0 && n < 28).length).toBeGreaterThan(0);
  expect(counts).toEqual([...counts].sort((a, b) => a - b));
  expect(Math.max(...counts)).toBe(28);
});

test.skipIf(!HAVE_SCRIPT)("review on a terminal, and inspect with its stdout to a file: pages read of the file's 28, redrawn in place", () => {
  const file = sample("guidebook-tohoku-r6.pdf");
  const line = new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: \\d+/28 pages · [\\d.,]+ pages/s$`);
  const out = mkdtempSync(join(tmpdir(), "kohyo-progress-"));
  // Exit 1: the sample prints two weekdays wrong on p.20, on purpose (a failing check).
  const reviewed = onTerminalExiting(1, "review", file, "-o", out).split("\r\x1b[2K").slice(1).filter((d) => d !== "" && !d.includes("→"));
  expect(reviewed.length).toBeGreaterThan(0);
  for (const d of reviewed) expect(d).toMatch(line);
  expect(reviewed.at(-1)).toMatch(/: 28\/28 pages/);
  // inspect's page text on a terminal is its own progress; sent elsewhere, stderr shows the line.
  const command = [process.execPath, CLI, "inspect", file, "--json"].map((a) => `'${a}'`).join(" ") + ` > '${join(out, "inspect.jsonl")}'`;
  const r = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, COLUMNS: "200" } });
  expect(r.status).toBe(0);
  const inspected = r.stdout.split("\r\x1b[2K").slice(1).filter((d) => d !== "" && !d.startsWith("kohyo:"));
  expect(inspected.at(-1)).toMatch(/: 28\/28 pages/);
  for (const d of inspected) expect(d.split("\r\n")[0]).toMatch(line);
});
