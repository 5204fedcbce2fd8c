/**
 * Golden outputs: what `kohyo extract`, `kohyo tables` (JSON and CSV) and `kohyo facts`
 * (JSON and CSV) write for every bundled sample and every corpus PDF, compared byte for
 * byte with the copies under test/golden/<command>/<file>/.
 *
 * They are regenerated only on purpose, by a flag, and then reviewed as a diff:
 *
 *     npm run golden        (= KOHYO_UPDATE_GOLDEN=1 vitest run test/golden)
 *
 * What is normalised before comparing, and only that (see `normalise`):
 * - kohyo's version ("kohyoVersion", the datapackage's "version of kohyo") → "<version>";
 * - absolute paths: the repository → "<root>", the corpus folder → "<corpus>", the
 *   temporary output folder → "<out>" (the files are given to kohyo by absolute path);
 * - in the transcripts (stdout, stderr, exit code of each command) only: a batch's
 *   elapsed time and speed; runs of spaces and dashes (the summary table's column widths
 *   follow the length of the absolute paths); and for `extract`, whose files finish on
 *   the workers in any order, the order of the files' blocks on stdout and of the lines
 *   on stderr (the progress counter "[3/27]" dropped), which are sorted.
 * Everything else — every record, box, check, CSV byte and exit code — must be equal.
 *
 * Each command runs once over all the files, as a user's batch would (the encrypted
 * samples once more with their password), so the test costs about one reading of each
 * file per command (about 60 s of CPU); the CSV forms of `tables` and `facts`, made by
 * their writers from the same data as the JSON, are pinned on the samples only.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { CORPUS, HAVE_CORPUS, ROOT, SAMPLE_PASSWORD, SAMPLES } from "../helpers.js";

const GOLDEN = join(ROOT, "test/golden");
const UPDATE = process.env.KOHYO_UPDATE_GOLDEN === "1";

const pdfs = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".pdf"))
    .sort()
    .map((f) => join(dir, f));

const samples = pdfs(SAMPLES);
const plainSamples = samples.filter((f) => !f.includes("encrypted"));
const plain = [...plainSamples, ...(HAVE_CORPUS ? pdfs(CORPUS) : [])];
const encrypted = samples.filter((f) => f.includes("encrypted"));

/** One command line: a name for its outputs and transcript, and its arguments (the output folder is added). */
interface Run {
  name: string;
  args: string[];
}

/**
 * Scanned pages are not read by OCR here (`--ocr off`): OCR has its own truth tests
 * (test/ocr/), costs tens of seconds a page, and a scan's pages then end as "no text".
 */
const OFF = ["--ocr", "off"];

const RUNS: Run[] = [
  { name: "extract", args: ["extract", ...plain, "--jobs", "2", "--force", ...OFF] },
  { name: "extract", args: ["extract", ...encrypted, "--password", SAMPLE_PASSWORD, "--jobs", "2", "--force", ...OFF] },
  { name: "tables", args: ["tables", ...plain, ...OFF] },
  { name: "tables", args: ["tables", ...encrypted, "--password", SAMPLE_PASSWORD, ...OFF] },
  // CSV from the same tables and facts as the JSON: the samples are enough to pin the writers.
  { name: "tables-csv", args: ["tables", ...plainSamples, "--format", "csv", ...OFF] },
  { name: "facts", args: ["facts", ...plain, ...OFF] },
  { name: "facts", args: ["facts", ...encrypted, "--password", SAMPLE_PASSWORD, ...OFF] },
  { name: "facts-csv", args: ["facts", ...plainSamples, "--format", "csv", ...OFF] },
];

function kohyoAsync(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "dist/src/cli.js"), ...args], { cwd: ROOT });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

const VERSION = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;

/** The volatile parts of an output made comparable (the list in this file's comment). */
function normalise(text: string, out: string): string {
  const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text
    .replace(new RegExp(escaped(out), "g"), "<out>")
    .replace(new RegExp(escaped(CORPUS), "g"), "<corpus>")
    .replace(new RegExp(escaped(ROOT), "g"), "<root>")
    .replace(/("kohyoVersion": )"[^"]*"/g, '$1"<version>"')
    .replace(new RegExp(`(kohyo )${escaped(VERSION)}\\b`, "g"), "$1<version>");
}

/** A batch summary's elapsed time and speed, and its column widths (see this file's comment). */
const untimed = (text: string) =>
  text
    .replace(/\b\d+(\.\d+)? ?(s|pages\/s|ms)\b/g, "<time>")
    .replace(/ {2,}/g, "  ")
    .replace(/-{3,}/g, "---");

/**
 * An extract transcript in an order that does not depend on which worker finished first:
 * stdout's per-file blocks (a line that is not indented starts one; the summary table
 * after them stays as it is) and stderr's lines, sorted; the progress counters dropped.
 */
function unordered(stdout: string, stderr: string): { stdout: string; stderr: string } {
  const lines = stdout.split("\n");
  const tableAt = lines.findIndex((l) => /^file\s+pipeline\s/.test(l));
  const head = tableAt < 0 ? lines : lines.slice(0, tableAt);
  const blocks: string[] = [];
  for (const l of head) {
    if (blocks.length === 0 || !l.startsWith(" ")) blocks.push(l);
    else blocks[blocks.length - 1] += `\n${l}`;
  }
  const tail = tableAt < 0 ? [] : lines.slice(tableAt);
  const err = stderr
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => l.replace(/^\[\d+\/\d+\] /, ""))
    .sort();
  return { stdout: [...blocks.filter((b) => b !== "").sort(), ...tail].join("\n"), stderr: err.map((l) => `${l}\n`).join("") };
}

/** Every file under `dir`, relative to it, sorted. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** The first line where two texts differ, for a readable failure. */
function firstDifference(actual: string, expected: string): string | null {
  if (actual === expected) return null;
  const a = actual.split("\n");
  const e = expected.split("\n");
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return `line ${i + 1}:\n  golden: ${e[i]?.slice(0, 400)}\n  now:    ${a[i]?.slice(0, 400)}`;
  }
  return "differ";
}

/** What the runs made, normalised: relative path → text. */
const made = new Map<string, string>();

beforeAll(async () => {
  const tmp = mkdtempSync(join(tmpdir(), "kohyo-golden-"));
  try {
    // Two runs at a time (the machine's two cores); transcripts kept in the runs' order.
    const transcripts = new Map<Run, string>();
    const queue = RUNS.filter((r) => r.args.length > 1 && r.args.some((a) => a.endsWith(".pdf")));
    const work = async () => {
      for (let run = queue.shift(); run; run = queue.shift()) {
        const out = join(tmp, run.name);
        const r = await kohyoAsync([...run.args, "-o", out]);
        if (run.name === "extract") {
          // Paths normalised first: the order must not depend on where the repository and the corpus are.
          const u = unordered(normalise(r.out, out), normalise(r.err, out));
          Object.assign(r, { out: u.stdout, err: u.stderr });
        }
        transcripts.set(run, `$ kohyo ${run.args.map((a) => (a.startsWith("/") ? normalise(a, out) : a)).join(" ")}\nexit ${r.code}\n--- stdout\n${r.out}--- stderr\n${r.err}`);
      }
    };
    await Promise.all([work(), work()]);
    for (const run of RUNS) {
      const out = join(tmp, run.name);
      const t = transcripts.get(run);
      if (t === undefined) continue;
      const key = `${run.name}/transcript.txt`;
      made.set(key, (made.get(key) ?? "") + untimed(normalise(t, out)));
    }
    for (const name of new Set(RUNS.map((r) => r.name))) {
      const out = join(tmp, name);
      for (const f of filesUnder(out)) {
        // The manifest records when each file was read: volatile as a whole, and the
        // reports it collects are compared one by one.
        if (f === "manifest.json") continue;
        made.set(`${name}/${f}`, normalise(readFileSync(join(out, f), "utf8"), out));
      }
    }
    if (UPDATE) {
      for (const name of new Set(RUNS.map((r) => r.name))) rmSync(join(GOLDEN, name), { recursive: true, force: true });
      for (const [f, text] of made) {
        mkdirSync(dirname(join(GOLDEN, f)), { recursive: true });
        writeFileSync(join(GOLDEN, f), text);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}, 1_200_000);

describe.skipIf(!HAVE_CORPUS)("golden outputs", () => {
  test("every output file is there, and no other (npm run golden after a change on purpose)", () => {
    const golden = new Set(RUNS.map((r) => r.name)).values();
    const expected = [...golden].flatMap((name) => filesUnder(join(GOLDEN, name)).map((f) => `${name}/${f}`)).sort();
    expect([...made.keys()].sort()).toEqual(expected);
  });

  test("every output is byte for byte the golden copy", () => {
    const differing: string[] = [];
    for (const [f, text] of made) {
      const path = join(GOLDEN, f);
      if (!existsSync(path)) continue;
      const diff = firstDifference(text, readFileSync(path, "utf8"));
      if (diff) differing.push(`${f}: ${diff}`);
    }
    expect(differing, differing.slice(0, 5).join("\n")).toEqual([]);
  });
});
