#!/usr/bin/env node
/**
 * `npm run fuzz -- [--count N] [--seed S] [--from I] [--jobs J] [--corpus DIR] [--keep DIR] [--report FILE]`
 *
 * --from I: the inputs before index I are made (so the same seed gives the same inputs
 * after them) but not run — a long run stopped part way is taken up where it stopped.
 *
 * Seeded mutations of the samples (and of the corpus PDFs, when ../shared/corpus or
 * --corpus is there) run through the built CLI (dist/src/cli.js), one process each, and
 * checked: a documented exit code (never 70, never a signal), every stderr line kohyo's
 * own (`kohyo: …`), no stack trace, a line naming the file when it is refused, no hang
 * (a process past HANG_SECONDS of CPU time, or HANG_WALL_SECONDS of wall time, is killed
 * and counted) and peak RSS under RSS_MB.
 * Mutations: byte flips, truncation, bogus /Length, bogus /Filter, deep nesting, page-tree
 * loops, a small bomb, injected operators, and — when qpdf is installed — object streams
 * and linearisation, each then flipped again. test/fuzz.test.ts runs a few dozen in the
 * suite; releases run 5,000 (docs/fuzz.md has the last results).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as hostile from "./hostile.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(ROOT, "dist/src/cli.js");
/** Exit codes README documents. */
export const DOCUMENTED = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
/**
 * CPU seconds (the process's and its threads', read from /proc while it runs) after which
 * a run counts as hung and is killed: CPU, not wall time, so that a loaded machine (or a
 * scan read by OCR at a fifth of a core) is not taken for a hang. Where /proc is missing,
 * wall time stands in.
 */
export const HANG_SECONDS = 120;
/** Wall seconds after which a run is killed whatever its CPU time (one that waits forever uses none). */
export const HANG_WALL_SECONDS = 900;
export const RSS_MB = 1536;
/** Each run's budgets: a page gives up after this many seconds. */
const PAGE_TIMEOUT = 10;
const COMMANDS = ["inspect", "tables", "facts", "extract"];
/** Printed by the child at exit (through --import), read and dropped from its stderr. */
const RSS_MARK = "@@kohyo-fuzz-rss ";
const RSS_HOOK = `data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\n${RSS_MARK}"+u.maxRSS+" "+(u.userCPUTime+u.systemCPUTime)+"\\n")})`;
const HAVE_PROC = existsSync("/proc/self/stat");
const TICKS = 100; // USER_HZ: /proc's clock ticks per second on Linux

/** CPU seconds a running process has used so far (its threads included), from /proc; NaN if unknown. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime, stime
  } catch {
    return NaN;
  }
}

/** A small seeded generator (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

/** Seed PDFs: the samples, and the corpus when it is there. */
export function seedFiles(corpus) {
  const pdfs = (d) => (existsSync(d) ? readdirSync(d).filter((f) => /\.pdf$/i.test(f)).sort().map((f) => join(d, f)) : []);
  return [...pdfs(join(ROOT, "samples")), ...(corpus ? pdfs(corpus) : [])];
}

const HAVE_QPDF = spawnSync("qpdf", ["--version"]).status === 0;

function replaceAll(bytes, re, f) {
  const s = Buffer.from(bytes).toString("latin1").replace(re, f);
  return Buffer.from(s, "latin1");
}

/** The mutations, each (bytes, random) → bytes, named. */
export const MUTATIONS = {
  flip(b, r) {
    const out = Buffer.from(b);
    for (let i = 1 + r.int(8); i > 0; i--) out[r.int(out.length)] = r.int(256);
    return out;
  },
  truncate(b, r) {
    return Buffer.from(b.subarray(0, 1 + r.int(b.length - 1)));
  },
  length(b, r) {
    return replaceAll(b, /\/Length (\d+)/g, (m) => (r.next() < 0.3 ? `/Length ${r.pick([0, 1, 99999999, r.int(100000)])}` : m));
  },
  filter(b, r) {
    return replaceAll(b, /\/FlateDecode/g, (m) => (r.next() < 0.5 ? r.pick(["/LZWDecode", "/DCTDecode", "/RunLengthDecode", "/ASCII85Decode", "/JBIG2Decode", "/FlateDecodX"]) : m));
  },
  kids(b, r) {
    // A page tree that loops: a /Kids array names its own /Pages node (or the catalog).
    return replaceAll(b, /\/Kids\s*\[\s*(\d+) 0 R/g, (m) => (r.next() < 0.5 ? `/Kids[${r.pick(["1", "2", "3"])} 0 R` : m));
  },
  nesting(_b, r) {
    return hostile.nestedSaves(1000 + r.int(30000));
  },
  loop() {
    return hostile.pageTreeLoop();
  },
  bomb(_b, r) {
    return hostile.bomb((4 + r.int(60)) << 20);
  },
  pattern() {
    return hostile.selfPaintingPattern();
  },
  operators(_b, r) {
    const ops = ["q", "Q", "BT", "ET", "0 0 m", "1 1 l", "S", "f", "re", "cm", "Tf", "Tj", "TJ", "Do", "sh", "BI", "ID", "EI", "gs", "/F1 9 Tf", "(x) Tj", "[(a) -20 (b)] TJ", "1 0 0 1 5 5 cm", "0 0 10 10 re f", "/Nope Do", "d0", "W n", "<ff> Tj", "1e308 0 Td"];
    let s = hostile.TEXT;
    for (let i = 2000 + r.int(20000); i > 0; i--) s += `${r.pick(ops)}\n`;
    return hostile.onePage(s);
  },
  grid(_b, r) {
    // Up to 60 × 60 (kept so that the seeded inputs stay the same): kohyo facts took time
    // growing with the square of a page's lines until src/facts/extract.ts indexed them.
    return hostile.ruledGrid(20 + r.int(41));
  },
  countZero() {
    return hostile.countZero();
  },
  objectStreams(b, r, tmp) {
    return qpdfThen(b, ["--object-streams=generate"], r, tmp);
  },
  linearize(b, r, tmp) {
    return qpdfThen(b, ["--linearize"], r, tmp);
  },
};

/** The file rewritten by qpdf, then a few bytes flipped (the rewritten file as it is when qpdf fails). */
function qpdfThen(b, args, r, tmp) {
  if (!HAVE_QPDF) return MUTATIONS.flip(b, r);
  const src = join(tmp, "qpdf-in.pdf");
  const dst = join(tmp, "qpdf-out.pdf");
  writeFileSync(src, b);
  const ok = spawnSync("qpdf", [...args, src, dst]).status;
  const out = ok === 0 || ok === 3 ? readFileSync(dst) : b;
  return r.next() < 0.7 ? MUTATIONS.flip(out, r) : out;
}

/** The inputs of a run: `count` of them, from the seed. */
export function* inputs({ count, seed, corpus, tmp, seeds = seedFiles(corpus) }) {
  const r = rng(seed);
  const cache = new Map();
  const names = Object.keys(MUTATIONS);
  for (let i = 0; i < count; i++) {
    const from = r.pick(seeds);
    if (!cache.has(from)) cache.set(from, readFileSync(from));
    const mutation = r.pick(names);
    const bytes = MUTATIONS[mutation](cache.get(from), r, tmp);
    yield { index: i, from: basename(from), mutation, command: r.pick(COMMANDS), bytes };
  }
}

/** Runs the CLI on one file; resolves to what happened. */
export function runOne(command, file, outDir) {
  const args = ["--import", RSS_HOOK, CLI, command, file, "--page-timeout", String(PAGE_TIMEOUT)];
  if (command === "extract") args.push("-o", outDir, "--jobs", "1", "--force");
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    let hung = null;
    const hang = (why) => {
      hung = why;
      child.kill("SIGKILL");
    };
    const wall = setTimeout(() => hang(`killed after ${HAVE_PROC ? HANG_WALL_SECONDS : HANG_SECONDS} s`), (HAVE_PROC ? HANG_WALL_SECONDS : HANG_SECONDS) * 1000);
    const cpu = HAVE_PROC
      ? setInterval(() => {
          if (cpuSeconds(child.pid) > HANG_SECONDS) hang(`killed after ${HANG_SECONDS} s of CPU time`);
        }, 1000)
      : undefined;
    child.on("close", (code, signal) => {
      clearTimeout(wall);
      clearInterval(cpu);
      const mark = new RegExp(`${RSS_MARK}(\\d+) (\\d+)`).exec(err);
      err = err.replace(new RegExp(`\\n?${RSS_MARK}\\d+ \\d+\\n`), "");
      resolve({ code, signal, hung, seconds: (Date.now() - started) / 1000, cpuSeconds: Number(mark?.[2] ?? NaN) / 1e6, rssMb: Number(mark?.[1] ?? NaN) / 1024, err });
    });
  });
}

/** What is wrong with one run, or [] when it is as documented. */
export function problems(run, file) {
  const out = [];
  if (run.hung) out.push(`hung: ${run.hung}`);
  else if (run.signal) out.push(`killed by ${run.signal}`);
  else if (!DOCUMENTED.has(run.code)) out.push(`exit ${run.code}`);
  if (run.rssMb > RSS_MB) out.push(`peak RSS ${Math.round(run.rssMb)} MB > ${RSS_MB}`);
  const lines = run.err.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("["));
  if (lines.some((l) => /^\s+at /.test(l))) out.push("a stack trace on stderr");
  const foreign = lines.filter((l) => !l.startsWith("kohyo:"));
  if (foreign.length) out.push(`stderr not kohyo's: ${JSON.stringify(foreign[0]).slice(0, 200)}`);
  if (lines.some((l) => /internal error/.test(l))) out.push("an internal error");
  if (run.code >= 2 && run.code <= 10 && !lines.some((l) => l.includes(file))) out.push("no stderr line names the file");
  return out;
}

/** Runs the fuzz; returns the summary (and every failing input, kept under `keep` when given). */
export async function fuzz({ count = 300, seed = 1, from = 0, jobs = 2, corpus, keep, log = () => {}, progress = () => {} }) {
  const tmp = mkdtempSync(join(tmpdir(), "kohyo-fuzz-"));
  const summary = { count, from, done: 0, seed, corpus: Boolean(corpus), qpdf: HAVE_QPDF, byCode: {}, byMutation: {}, failures: [], maxSeconds: 0, maxCpuSeconds: 0, maxRssMb: 0 };
  const queue = inputs({ count, seed, corpus, tmp });
  const worker = async (w) => {
    for (let next = queue.next(); !next.done; next = queue.next()) {
      const input = next.value;
      // Before --from: made (the draws that follow depend on it) but not run.
      if (input.index < from) continue;
      const file = join(tmp, `in-${w}-${input.index}.pdf`);
      writeFileSync(file, input.bytes);
      const run = await runOne(input.command, file, join(tmp, `out-${w}`));
      const found = problems(run, file);
      summary.byCode[run.code ?? run.signal] = (summary.byCode[run.code ?? run.signal] ?? 0) + 1;
      summary.byMutation[input.mutation] = (summary.byMutation[input.mutation] ?? 0) + 1;
      summary.maxSeconds = Math.max(summary.maxSeconds, run.seconds);
      if (run.cpuSeconds > summary.maxCpuSeconds) summary.maxCpuSeconds = Math.round(run.cpuSeconds * 10) / 10;
      if (run.rssMb > summary.maxRssMb) summary.maxRssMb = Math.round(run.rssMb);
      if (found.length) {
        const { bytes, ...rest } = input;
        summary.failures.push({ ...rest, code: run.code, problems: found, stderr: run.err.slice(0, 500) });
        if (keep) {
          mkdirSync(keep, { recursive: true });
          writeFileSync(join(keep, `${seed}-${input.index}-${input.mutation}.pdf`), bytes);
        }
      }
      summary.done++;
      log(input, run, found);
      progress(summary);
      rmSync(file, { force: true });
    }
  };
  await Promise.all(Array.from({ length: jobs }, (_, w) => worker(w)));
  rmSync(tmp, { recursive: true, force: true });
  summary.maxSeconds = Math.round(summary.maxSeconds * 10) / 10;
  return summary;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const sharedCorpus = join(ROOT, "../shared/corpus");
  const corpus = arg("corpus", existsSync(sharedCorpus) ? sharedCorpus : undefined);
  const count = Number(arg("count", "300"));
  let done = 0;
  const started = Date.now();
  const report = arg("report", undefined);
  const summary = await fuzz({
    count,
    seed: Number(arg("seed", "1")),
    from: Number(arg("from", "0")),
    jobs: Number(arg("jobs", "2")),
    corpus,
    keep: arg("keep", undefined),
    log: (input, run, found) => {
      done++;
      if (found.length || done % 50 === 0) process.stderr.write(`[${done}/${count - Number(arg("from", "0"))}] #${input.index} ${input.mutation} of ${input.from} (${input.command}): exit ${run.code} ${run.seconds.toFixed(1)} s (CPU ${run.cpuSeconds.toFixed(1)} s) ${Math.round(run.rssMb)} MB${found.length ? ` — ${found.join("; ")}` : ""}\n`);
    },
    // The report so far after every input: a run stopped before its end still has its figures.
    progress: (summary) => report && writeFileSync(report, `${JSON.stringify({ ...summary, minutes: Math.round((Date.now() - started) / 600) / 100 }, null, 2)}\n`),
  });
  summary.minutes = Math.round((Date.now() - started) / 600) / 100;
  const text = JSON.stringify(summary, null, 2);
  process.stdout.write(`${text}\n`);
  if (report) writeFileSync(report, `${text}\n`);
  process.exitCode = summary.failures.length ? 1 : 0;
}
