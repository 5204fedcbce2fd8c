/**
 * Ctrl-C in a batch (SIGINT, or SIGTERM): kohyo extract stops taking files, drops the ones
 * being read, writes the manifest for the files done, removes what it staged and exits
 * 130; the same command run again skips the files done and reads the rest.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { corpus, HAVE_CORPUS, kohyo, outputNameOf, ROOT, sample } from "../helpers.js";

/** Runs extract and sends `signal` as soon as the first file is reported done ("[1/N]" on stderr). */
function interrupted(args: string[], signal: NodeJS.Signals): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, "dist/src/cli.js"), ...args], { cwd: ROOT });
    let out = "";
    let err = "";
    let sent = 0;
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      err += d;
      if (!sent && /^\[1\/\d+\] /m.test(err)) {
        sent = Date.now();
        child.kill(signal);
      }
    });
    child.on("close", (code) => resolve({ code, out, err, ms: Date.now() - sent }));
  });
}

const manifestFiles = (out: string) => (JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { files: { file: string; status: string }[] }).files;

test.skipIf(!HAVE_CORPUS)("SIGINT in the middle of a batch of corpus files: exit 130, the manifest holds the files done, nothing staged; the rerun skips them", async () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-sigint-"));
  // A quick sample first, then a 52-page budget book (read in chunks) and two files no family knows.
  const files = [
    sample("budget-r6.pdf"),
    corpus("17_nankoku-city_R3_ippan-kaikei-hosei-yosan.pdf"),
    corpus("13_cashless_kameiten-list_R1-08-21_excerpt.pdf"),
    corpus("14_mhlw_online-shinryo-iryokikan_kyoto_R2-04-26.pdf"),
  ];
  const args = ["extract", ...files, "-o", out, "--jobs", "1"];
  const r = await interrupted(args, "SIGINT");
  expect(r.code).toBe(130);
  expect(r.ms).toBeLessThan(5000);
  const done = manifestFiles(out).map((f) => f.file);
  expect(done.length).toBeGreaterThanOrEqual(1);
  expect(done.length).toBeLessThan(files.length);
  expect(r.err).toContain(`kohyo: interrupted: ${done.length} of 4 files finished and kept in the manifest; run the same command again to go on`);
  // Nothing staged is left; an output folder only for a finished file that a family knows.
  const entries = readdirSync(out);
  expect(entries.filter((e) => e.startsWith(".kohyo-staging-"))).toEqual([]);
  for (const f of files) {
    const folder = join(out, outputNameOf(f));
    const finishedWithOutputs = done.includes(f) && manifestFiles(out).find((e) => e.file === f)!.status === "ok";
    expect(existsSync(join(folder, "records.json")), f).toBe(finishedWithOutputs);
  }

  const again = kohyo(...args);
  expect(again.code).toBe(8); // two files no family knows
  for (const f of files) {
    const line = again.err.split("\n").find((l) => l.startsWith("[") && l.includes(`] ${f}: `))!;
    expect(line, f).toBeDefined();
    if (done.includes(f)) expect(line, f).toContain("unchanged, skipped");
    else expect(line, f).not.toContain("unchanged");
  }
  expect(manifestFiles(out).map((f) => f.file).sort()).toEqual([...files].sort());
  expect(existsSync(join(out, outputNameOf(files[1]!), "records.json"))).toBe(true);
}, 60_000);

test("SIGTERM does the same: exit 130, the file done kept", async () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-sigterm-"));
  const files = [sample("budget-r6.pdf"), sample("tokyo-plan-r5-a4.pdf"), sample("case-sheets-r5.pdf"), sample("guidebook-tohoku-r6.pdf")];
  const r = await interrupted(["extract", ...files, "-o", out, "--jobs", "1"], "SIGTERM");
  expect(r.code).toBe(130);
  const done = manifestFiles(out).map((f) => f.file);
  expect(done.length).toBeGreaterThanOrEqual(1);
  expect(done.length).toBeLessThan(files.length);
  expect(readdirSync(out).filter((e) => e.startsWith(".kohyo-staging-"))).toEqual([]);
}, 60_000);
