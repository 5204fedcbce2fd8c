/**
 * `kohyo extract` killed with SIGKILL at any moment loses nothing finished and mixes
 * nothing: each output folder holds one run's outputs of one version of its file, the
 * manifest is valid JSON, and the next run removes what was staged and skips the files
 * the manifest says are done.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, watch } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { kohyo, ROOT, sample } from "../helpers.js";

const CLI = join(ROOT, "dist/src/cli.js");
const FILES = ["a.pdf", "b.pdf", "c.pdf"];
/** Two versions of each input, so that a folder mixing two runs shows. */
const VERSIONS = [
  ["tokyo-plan-r5-a4.pdf", "tokyo-plan-r5-a3-mincho.pdf", "tokyo-plan-r5-b4-merged.pdf"],
  ["tokyo-plan-r5-a4-mistyped.pdf", "tokyo-plan-r5-b4-merged.pdf", "tokyo-plan-r5-a4.pdf"],
];

function put(input: string, version: number): void {
  FILES.forEach((f, i) => copyFileSync(sample(VERSIONS[version]![i]!), join(input, f)));
}

/** Runs extract over the inputs and kills it: after `ms`, or as soon as an output folder appears or is replaced. */
function killed(input: string, out: string, when: { ms: number } | "first-output"): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, "extract", input, "-o", out, "--jobs", "1", "--force"], { stdio: "ignore" });
    let watcher: ReturnType<typeof watch> | null = null;
    const kill = () => child.kill("SIGKILL");
    if (when === "first-output") {
      mkdirSync(out, { recursive: true });
      watcher = watch(out, (_event, name) => {
        if (name && !String(name).startsWith(".") && String(name) !== "manifest.json") kill();
      });
    } else setTimeout(kill, when.ms);
    child.on("close", () => {
      watcher?.close();
      resolve();
    });
  });
}

const readJson = (p: string) => JSON.parse(readFileSync(p, "utf8"));

/** Every output folder is whole and of one run: records.json, report.json and datapackage.json name the same file bytes. */
function checkOutputs(out: string, shas: Set<string>): void {
  if (!existsSync(out)) return;
  for (const name of readdirSync(out)) {
    if (name.startsWith(".kohyo-staging-") || name === "manifest.json") continue;
    const dir = join(out, name);
    const records = readJson(join(dir, "records.json"));
    expect(shas.has(records.sha256)).toBe(true);
    expect(readJson(join(dir, "report.json")).sha256).toBe(records.sha256);
    expect(readJson(join(dir, "datapackage.json")).sources[0].sha256).toBe(records.sha256);
    for (const r of readJson(join(dir, "datapackage.json")).resources) expect(existsSync(join(dir, r.path))).toBe(true);
  }
  if (existsSync(join(out, "manifest.json"))) expect(Array.isArray(readJson(join(out, "manifest.json")).files)).toBe(true);
}

test("killed ten times at random moments and ten times just after the first output appears: outputs never mixed, manifest valid; the rerun leaves nothing staged and skips what is done", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kohyo-kill-"));
  const input = join(dir, "in");
  const out = join(dir, "out");
  mkdirSync(input);
  const shas = new Set<string>();
  const { createHash } = await import("node:crypto");
  for (const v of VERSIONS) for (const f of v) shas.add(createHash("sha256").update(readFileSync(sample(f))).digest("hex"));
  put(input, 0);
  const t0 = Date.now();
  expect(kohyo("extract", input, "-o", out, "--jobs", "1").code).toBe(0); // the earlier run: every file written
  // Random kills fall within the time a whole run takes on this machine (a kill after the
  // run ended tests nothing and costs time).
  const runMs = Date.now() - t0;
  checkOutputs(out, shas);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  for (let i = 0; i < 20; i++) {
    put(input, (i + 1) % 2);
    await killed(input, out, i < 10 ? { ms: 100 + Math.floor(random() * runMs) } : "first-output");
    checkOutputs(out, shas);
  }
  // The rerun: whatever the manifest lists as done, with its outputs, is skipped; the rest is read.
  const manifest = readJson(join(out, "manifest.json"));
  const done = manifest.files.filter((e: { file: string; sha256: string; output: string | null; status: string }) => {
    const now = createHash("sha256").update(readFileSync(e.file)).digest("hex");
    return e.status === "ok" && now === e.sha256 && e.output && existsSync(join(e.output, "records.json")) && readJson(join(e.output, "records.json")).sha256 === now;
  });
  const rerun = kohyo("extract", input, "-o", out, "--jobs", "1");
  expect([0, 1]).toContain(rerun.code);
  for (const e of done) expect(rerun.out).toContain(`${e.file}: unchanged since the last run, skipped`);
  expect(readdirSync(out).filter((n) => n.startsWith(".kohyo-staging-"))).toEqual([]);
  checkOutputs(out, shas);
  expect(readJson(join(out, "manifest.json")).files.map((e: { file: string }) => e.file).sort()).toEqual(FILES.map((f) => join(input, f)));
}, 180_000);
