/**
 * Command-line paths → the files of a batch: a directory stands for every PDF under it —
 * unless it is named like a PDF (`x.pdf/`): then it is kept as a file, and reported as
 * a directory where a file was expected, like any file that cannot be read.
 */
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { pushAll } from "../bounded.js";

export function expandInputs(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory() && !/\.pdf$/i.test(p.replace(/[\\/]+$/, ""));
    } catch {
      // not there: kept, so it is reported as not found like any other file
    }
    if (isDir) pushAll(out, pdfsUnder(p));
    else out.push(p);
  }
  // A file named twice (a folder and a file in it) is read once.
  const seen = new Set<string>();
  return out.filter((f) => !seen.has(resolve(f)) && Boolean(seen.add(resolve(f))));
}

function pdfsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) pushAll(out, pdfsUnder(p));
    else if (/\.pdf$/i.test(e.name)) out.push(p);
  }
  return out;
}
