#!/usr/bin/env node
/**
 * `npm run bench` — pages per second and peak RSS, kohyo beside other tools on the same
 * files in one run. Results: bench/results.json and a table on stdout.
 *
 * Every contender runs as its own process; peak RSS is the kernel's high-water mark
 * (VmHWM in /proc/<pid>/status), sampled until the process exits, so it is measured the
 * same way for kohyo and for the others. Times are wall-clock, best of --runs (default 3).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PDFDocument } from "pdf-lib";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = join(ROOT, "bench/.cache");
const RUNS = Number(process.argv.find((a) => a.startsWith("--runs="))?.slice(7) ?? 3);
const LARGE_PAGES = 320;

/** The large document: the Tokyo plan sample repeated to ≥ 300 pages (built once, cached). */
async function largeDocument() {
  const source = ["tokyo-plan-r5-a4.pdf", "text-layer-traps.pdf"].map((f) => join(ROOT, "samples", f)).find(existsSync);
  const target = join(CACHE, `large-${LARGE_PAGES}.pdf`);
  if (existsSync(target)) return target;
  mkdirSync(CACHE, { recursive: true });
  const src = await PDFDocument.load(readFileSync(source));
  const out = await PDFDocument.create();
  // One copyPages call, so fonts and other resources are shared as in a real book.
  const n = src.getPageCount();
  const indices = Array.from({ length: Math.ceil(LARGE_PAGES / n) * n }, (_, i) => i % n);
  for (const p of await out.copyPages(src, indices)) out.addPage(p);
  writeFileSync(target, await out.save());
  return target;
}

/** Runs a command, sampling its peak RSS; resolves with wall ms, peak RSS (MiB), stdout. */
function measure(cmd, args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "", err = "", peakKb = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        /* process gone */
      }
    };
    const timer = setInterval(sample, 10);
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(timer);
      const ms = performance.now() - t0;
      if (code !== 0) reject(new Error(`${cmd} exited ${code}: ${err.slice(0, 300)}`));
      else resolve({ ms, peakMiB: peakKb / 1024, out });
    });
  });
}

async function best(cmd, args) {
  let bestRun = null;
  for (let i = 0; i < RUNS; i++) {
    const r = await measure(cmd, args);
    if (!bestRun || r.ms < bestRun.ms) bestRun = { ...r, peakMiB: Math.max(r.peakMiB, bestRun?.peakMiB ?? 0) };
  }
  return bestRun;
}

const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

async function main() {
  if (!existsSync(join(ROOT, "dist/src/index.js"))) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  const large = await largeDocument();
  const pages = (await PDFDocument.load(readFileSync(large), { updateMetadata: false })).getPageCount();
  const rows = [];

  const kohyo = await best(process.execPath, [join(ROOT, "bench/load.mjs"), large]);
  const counts = JSON.parse(kohyo.out);
  rows.push({ tool: "kohyo load (text runs + ruling lines)", task: "load", file: "large", pages, ...stats(kohyo, pages), detail: counts });

  if (has("pdftotext")) {
    const p2t = await best("pdftotext", ["-layout", large, "/dev/null"]);
    rows.push({ tool: "pdftotext -layout (poppler)", task: "text only", file: "large", pages, ...stats(p2t, pages) });
  } else rows.push({ tool: "pdftotext -layout", skipped: "not installed (apt-get install poppler-utils)" });

  const normalize = join(ROOT, "scripts/bench-normalize.mjs");
  let normalizeResult = null;
  if (existsSync(normalize) && existsSync(join(ROOT, "dist/src/normalize/index.js"))) {
    const { benchNormalize } = await import(normalize);
    normalizeResult = await benchNormalize();
  }

  const base = rows.find((r) => r.tool.startsWith("pdftotext") && !r.skipped);
  for (const r of rows) if (base && !r.skipped) r.vsPdftotext = +(r.pagesPerSecond / base.pagesPerSecond).toFixed(2);

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version },
    runs: RUNS,
    largeDocument: { pages, source: "samples/tokyo-plan-r5-a4.pdf repeated" },
    results: rows,
    normalize: normalizeResult,
  };
  mkdirSync(join(ROOT, "bench"), { recursive: true });
  writeFileSync(join(ROOT, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");
  print(results);
}

function stats(r, pages) {
  return { seconds: +(r.ms / 1000).toFixed(3), pagesPerSecond: +(pages / (r.ms / 1000)).toFixed(1), peakRssMiB: +r.peakMiB.toFixed(1) };
}

function print(res) {
  console.log(`kohyo bench · ${res.machine.cpus} cores · ${res.machine.cpu} · node ${res.machine.node} · best of ${res.runs}`);
  console.log(`large document: ${res.largeDocument.pages} pages (${res.largeDocument.source})\n`);
  const head = ["tool", "pages", "seconds", "pages/s", "peak RSS MiB", "× pdftotext"];
  const body = res.results.map((r) =>
    r.skipped ? [r.tool, "—", "—", "—", "—", r.skipped] : [r.tool, r.pages, r.seconds, r.pagesPerSecond, r.peakRssMiB, r.vsPdftotext ?? "—"],
  );
  const widths = head.map((h, i) => Math.max(String(h).length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) => "| " + cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ") + " |";
  console.log(line(head));
  console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
  for (const b of body) console.log(line(b));
  if (res.normalize) console.log(`\nnormalise: ${res.normalize.cells} mixed cells in ${Math.round(res.normalize.ms)} ms (${Math.round(res.normalize.cellsPerSecond)} cells/s)`);
}

await main();
