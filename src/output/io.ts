import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve as absolute, sep } from "node:path";

/** Where a command writes; tests pass their own. */
export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Set when the reader of stdout has gone (see dropStdoutWhenClosed). */
let stdoutClosed = false;

export const processIO: CliIO = {
  out: (s) => void (stdoutClosed || process.stdout.write(s)),
  err: (s) => process.stderr.write(s),
};

/**
 * A reader that stops early (`kohyo inspect … | head`) closes the pipe: what would still
 * go to stdout is dropped, quietly, and the work goes on — files are still written, the
 * manifest too, and the exit code is the run's.
 */
export function dropStdoutWhenClosed(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    stdoutClosed = true;
  });
}

/** The output folder name for an input file: its name without `.pdf`, made safe (see safeName). */
export function outputName(file: string): string {
  if (file === "-") return "stdin"; // the PDF read from standard input
  return safeName(bareName(file));
}

const bareName = (file: string): string => {
  const base = basename(file);
  return extname(base).toLowerCase() === ".pdf" ? base.slice(0, -4) : base;
};

/**
 * The most bytes (UTF-8) of a name safeName gives: file systems take 255 bytes a name, and
 * an output folder's name also gets a `-N` when a batch has it twice and, while it is
 * being replaced, a staging prefix of ~35 bytes (see ../pipeline/staging.ts).
 */
export const NAME_BYTES = 200;

/** Names the output folder (-o DIR) keeps for itself, and names Windows keeps for devices. */
const RESERVED = /^(manifest\.json|con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A name made safe to be one folder or file of an output folder, whatever the input file
 * was called: characters no file system takes (`/ \ : * ? " < > |`, controls) become `_`;
 * so do leading dots (never `.`, `..` or a hidden name — the names kohyo's staging takes,
 * see ../pipeline/staging.ts), trailing dots and spaces (Windows drops them) and the
 * staging marker `.kohyo-staging-` anywhere; a reserved name (`manifest.json`, `CON` …)
 * gets `_` after it; and a name longer than NAME_BYTES bytes is cut at a character
 * boundary and ends with `~` and 8 hex digits of its whole text's SHA-256, so two long
 * names that differ only at the end stay apart. An empty name is `_`.
 */
export function safeName(name: string, maxBytes = NAME_BYTES): string {
  let s = name
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, "_")
    .replace(/\.(kohyo-staging-)/gi, "_$1")
    .replace(/^[.\s]+/, (m) => "_".repeat(m.length))
    .replace(/[.\s]+$/, (m) => "_".repeat(m.length));
  if (!s) s = "_";
  if (RESERVED.test(s)) s += "_";
  if (Buffer.byteLength(s) <= maxBytes) return s;
  const tag = `~${createHash("sha256").update(name).digest("hex").slice(0, 8)}`;
  let cut = "";
  let bytes = 0;
  for (const ch of s) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > maxBytes - tag.length) break;
    cut += ch;
    bytes += n;
  }
  return cut + tag;
}

/**
 * The output folder name of every file of a batch: its name without `.pdf` — and when
 * several files share that name (plan.pdf in 2023/ and in 2024/), their paths below the
 * folder they have in common, joined with "_" (2023_plan, 2024_plan), so that no file's
 * outputs overwrite another's. Names are compared without case, as the file systems of
 * macOS and Windows compare them.
 */
export function outputNames(files: readonly string[]): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const file of new Set(files)) {
    const key = outputName(file).toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  const names = new UniqueNames();
  const out = new Map<string, string>();
  // Files with a name of their own first: a name made from a path never takes theirs.
  for (const group of groups.values()) if (group.length === 1) out.set(group[0]!, names.take(outputName(group[0]!)));
  for (const group of groups.values()) {
    if (group.length === 1) continue;
    const paths = group.map((f) => absolute(f));
    const common = commonFolder(paths.map(dirname));
    group.forEach((file, i) => out.set(file, names.take(safeName(bareName(relative(common, paths[i]!).split(sep).join("_"))))));
  }
  return out;
}

/** The deepest folder all of these are in. */
function commonFolder(folders: readonly string[]): string {
  const parts = folders.map((f) => f.split(sep));
  let n = 0;
  while (parts.every((p) => n < p.length && p[n] === parts[0]![n])) n++;
  return parts[0]!.slice(0, n).join(sep) || sep;
}

/**
 * Names made unique in order: the second and later copies of a name get `-2`, `-3` …
 * (the next number no name has taken yet). Compared without case, as the file systems
 * of macOS and Windows compare file names.
 */
export class UniqueNames {
  private readonly taken = new Set<string>();

  take(name: string): string {
    let unique = name;
    for (let n = 2; this.taken.has(unique.toLowerCase()); n++) unique = `${name}-${n}`;
    this.taken.add(unique.toLowerCase());
    return unique;
  }
}

/**
 * Writes `JSON.stringify(value, jsonValue, 2) + "\n"` to a file, byte for byte, without ever
 * holding the whole text: objects and arrays down to `depth` levels are written member
 * by member, each deeper value stringified on its own, through a small buffer. A
 * 600-page document's records.json is tens of megabytes of text, which whole would
 * briefly cost several times that in memory.
 */
export function writeJsonFile(path: string, value: unknown, depth = 4): void {
  const file = new JsonFile(path);
  try {
    file.value(value, "", depth);
    file.write("\n");
  } catch (e) {
    file.abort();
    throw e;
  }
  file.close();
}

/**
 * A file written piece by piece through a small buffer — text, or values as
 * JSON.stringify(…, null, 2) writes them at some indentation — beside its path and
 * renamed into place when closed, so a run cut short leaves no half file.
 */
export class JsonFile {
  private readonly partial: string;
  private readonly fd: number;
  private buf = "";
  private closed = false;

  constructor(readonly path: string) {
    this.partial = `${path}.partial`;
    this.fd = openSync(this.partial, "w");
  }

  write(s: string): void {
    if (this.closed) throw new Error(`${this.path}: written after it was closed`);
    this.buf += s;
    if (this.buf.length >= 1 << 16) this.flush();
  }

  /**
   * Writes a value as JSON.stringify(value, null, 2) would at this indentation (objects
   * and arrays member by member down to `depth` levels); false when that is nothing.
   */
  value(v: unknown, indent: string, depth: number): boolean {
    return writeValue((s) => this.write(s), resolve(v, ""), indent, depth);
  }

  close(): void {
    if (this.closed) throw new Error(`${this.path}: closed twice`);
    this.flush();
    this.closed = true;
    closeSync(this.fd);
    renameSync(this.partial, this.path);
  }

  /** Leaves no file (nothing, once closed). */
  abort(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    rmSync(this.partial, { force: true });
  }

  private flush(): void {
    if (this.buf) writeSync(this.fd, this.buf);
    this.buf = "";
  }
}

/**
 * A JSON object whose one long list is written item by item, as JSON.stringify(…, jsonValue, 2)
 * would write the whole: its head members (plain values), the list's items as they come, then
 * its tail members; through a JsonFile (beside its path, renamed into place when closed).
 */
export class JsonListFile {
  private readonly file: JsonFile;
  private count = 0;

  constructor(path: string, head: Record<string, string | number>, list: string) {
    this.file = new JsonFile(path);
    this.file.write("{");
    for (const [k, v] of Object.entries(head)) this.file.write(`\n  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
    this.file.write(`\n  ${JSON.stringify(list)}: `);
  }

  /** How many items are written. */
  get length(): number {
    return this.count;
  }

  add(item: unknown): void {
    this.file.write(this.count++ ? ",\n    " : "[\n    ");
    this.file.value(item, "    ", 3);
  }

  close(tail: Record<string, unknown>): void {
    this.file.write(this.count ? "\n  ]" : "[]");
    for (const [k, v] of Object.entries(tail)) {
      this.file.write(`,\n  ${JSON.stringify(k)}: `);
      this.file.value(v, "  ", 3);
    }
    this.file.write("\n}\n");
    this.file.close();
  }

  abort(): void {
    this.file.abort();
  }
}

/** An output folder made when first needed (the half-written files a killed run left in it removed), and removed again on abort if this run made it. */
export function lazyFolder(dir: string): { make: () => void; remove: () => void } {
  let made: boolean | null = null;
  return {
    make() {
      if (made !== null) return;
      made = !existsSync(dir);
      mkdirSync(dir, { recursive: true });
      // What a run killed while writing here left (a table's CSV, tables.json, beside their names).
      if (!made) for (const name of readdirSync(dir)) if (name.endsWith(".partial")) rmSync(join(dir, name), { force: true });
    },
    remove() {
      if (made) rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Emit = (s: string) => void;

/** A value as JSON sees it: what its toJSON gives, if it has one, through jsonValue. */
function resolve(v: unknown, key: string): unknown {
  return jsonValue(key, v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function" ? (v as { toJSON(k: string): unknown }).toJSON(key) : v);
}

const tenth = (n: number): number => Math.round(n * 10) / 10;

/**
 * The replacer of every JSON kohyo writes (JSON.stringify(v, jsonValue, 2)): a box —
 * an object with numbers x0, y0, x1, y1 — has its corners to 0.1 pt, as the CSVs print
 * them (no 398.53999999999996: a tenth of a point is 0.035 mm on the page).
 */
export function jsonValue(_key: string, v: unknown): unknown {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
  const b = v as { x0?: unknown; y0?: unknown; x1?: unknown; y1?: unknown };
  if (typeof b.x0 !== "number" || typeof b.y0 !== "number" || typeof b.x1 !== "number" || typeof b.y1 !== "number") return v;
  return { ...v, x0: tenth(b.x0), y0: tenth(b.y0), x1: tenth(b.x1), y1: tenth(b.y1) };
}

/**
 * Writes one value (its toJSON already applied) as JSON.stringify(…, null, 2) would at this
 * indentation; false when that is nothing (undefined, functions, symbols).
 */
function writeValue(emit: Emit, v: unknown, indent: string, depth: number): boolean {
  if (depth <= 0 || v === null || typeof v !== "object" || v instanceof Number || v instanceof String || v instanceof Boolean) {
    const text = JSON.stringify(v, jsonValue, 2);
    if (text === undefined) return false;
    emit(indent ? text.replaceAll("\n", `\n${indent}`) : text);
    return true;
  }
  const inner = indent + "  ";
  if (Array.isArray(v)) {
    if (v.length === 0) return emit("[]"), true;
    emit("[\n");
    for (let i = 0; i < v.length; i++) {
      emit(inner);
      if (!writeValue(emit, resolve(v[i], String(i)), inner, depth - 1)) emit("null");
      emit(i < v.length - 1 ? ",\n" : "\n");
    }
    emit(`${indent}]`);
    return true;
  }
  let first = true;
  for (const [k, member] of Object.entries(v as Record<string, unknown>)) {
    const item = resolve(member, k);
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    emit(first ? "{\n" : ",\n");
    first = false;
    emit(`${inner}${JSON.stringify(k)}: `);
    writeValue(emit, item, inner, depth - 1);
  }
  emit(first ? "{}" : `\n${indent}}`);
  return true;
}
