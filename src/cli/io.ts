import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, extname } from "node:path";

/** Where a command writes; tests pass their own. */
export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const processIO: CliIO = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

/** The output folder name for an input file: its name without `.pdf`. */
export function outputName(file: string): string {
  const base = basename(file);
  return extname(base).toLowerCase() === ".pdf" ? base.slice(0, -4) : base;
}

/**
 * Writes `JSON.stringify(value, null, 2) + "\n"` to a file, byte for byte, without ever
 * holding the whole text: objects and arrays down to `depth` levels are written member
 * by member, each deeper value stringified on its own, through a small buffer. A
 * 600-page document's records.json is tens of megabytes of text, which whole would
 * briefly cost several times that in memory.
 */
export function writeJsonFile(path: string, value: unknown, depth = 4): void {
  // Written beside and renamed into place: a run cut short leaves no half file.
  const partial = `${path}.partial`;
  const fd = openSync(partial, "w");
  let buf = "";
  const emit = (s: string) => {
    buf += s;
    if (buf.length >= 1 << 16) {
      writeSync(fd, buf);
      buf = "";
    }
  };
  try {
    writeValue(emit, resolve(value, ""), "", depth);
    emit("\n");
    if (buf) writeSync(fd, buf);
  } catch (e) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(partial, path);
}

type Emit = (s: string) => void;

/** A value as JSON sees it: what its toJSON gives, if it has one. */
function resolve(v: unknown, key: string): unknown {
  return v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function" ? (v as { toJSON(k: string): unknown }).toJSON(key) : v;
}

/**
 * Writes one value (its toJSON already applied) as JSON.stringify(…, null, 2) would at this
 * indentation; false when that is nothing (undefined, functions, symbols).
 */
function writeValue(emit: Emit, v: unknown, indent: string, depth: number): boolean {
  if (depth <= 0 || v === null || typeof v !== "object" || v instanceof Number || v instanceof String || v instanceof Boolean) {
    const text = JSON.stringify(v, null, 2);
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
