#!/usr/bin/env node
/**
 * `npm run demo` — the main job on the bundled samples: `kohyo extract` over every PDF in
 * samples/ (worker threads, output/<file name>/records.json, CSVs, datapackage.json,
 * report.json, and output/manifest.json); the samples no pipeline knows go through
 * `kohyo tables` (output/<file name>/tables.json). Encrypted samples are opened with the
 * password documented in samples/README.md. A sample made to fail its checks
 * (*-mistyped.pdf, the guidebook with its seeded inconsistencies) is expected to fail them; anything else unexpected exits non-zero.
 */
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { runExtractBatch } from "../dist/src/batch/run.js";
import { tables } from "../dist/src/cli/tables.js";

const ROOT = new URL("..", import.meta.url).pathname;
const SAMPLES = join(ROOT, "samples");
const OUT = join(ROOT, "output");
const PASSWORD = "kohyo-user";

const pdfs = readdirSync(SAMPLES).filter((f) => f.toLowerCase().endsWith(".pdf")).sort().map((f) => join(SAMPLES, f));
const settings = { outDir: OUT, bom: false, header: "ja", strict: false, splitAbove: 48 };
const sink = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), bar: null };
const jobs = availableParallelism();
/** The samples that need the user password (an owner password alone opens without one). */
const needsPassword = (f) => /encrypted-user-password|\.encrypted\.pdf$/.test(f);
const plain = await runExtractBatch(pdfs.filter((f) => !needsPassword(f)), settings, { jobs, force: true, table: false }, sink);
const locked = await runExtractBatch(pdfs.filter(needsPassword), { ...settings, password: PASSWORD }, { jobs, force: true, table: false }, sink);
const reports = [...plain.reports, ...locked.reports];

const others = reports.filter((r) => r.status === "unrecognised").map((r) => r.file);
const quiet = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s.startsWith("kohyo: warning") ? "" : s) };
for (const f of others) await tables({ files: [f], format: "json", outDir: OUT, ...(needsPassword(f) && { password: PASSWORD }) }, quiet);

console.log("\nsample                                   status");
let unexpected = 0;
for (const r of reports) {
  // Samples seeded with errors the checks must find: the mistyped plan, the guidebook (samples/README.md).
  const expectFail = /mistyped|guidebook/.test(r.file);
  const fine = r.status === "ok" ? !expectFail : r.status === "checks-failed" ? expectFail : r.status === "unrecognised";
  if (!fine) unexpected++;
  const what = r.status === "unrecognised" ? "no pipeline → kohyo tables" : `${r.status}, ${r.records} records (${r.checks.failed} ${r.checks.failed === 1 ? "check" : "checks"} failed)`;
  console.log(`${r.file.slice(SAMPLES.length + 1).padEnd(40)} ${what}${fine ? "" : "   ← UNEXPECTED"}`);
}
process.exitCode = unexpected ? 1 : 0;
