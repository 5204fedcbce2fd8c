import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join, resolve } from "node:path";
import { groupLines } from "../src/layout/lines.js";
import { openPdf, type PdfDocument } from "../src/pdf/load.js";
import type { Page } from "../src/model/page.js";
import { latticeTables } from "../src/table/lattice.js";
import { stitchTables, type Table } from "../src/table/stitch.js";

export const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const SAMPLES = join(ROOT, "samples");
/** The real published PDFs live beside the repo (../shared/corpus), never inside it. */
export const CORPUS = process.env.KOHYO_CORPUS ?? resolve(ROOT, "../shared/corpus");
export const HAVE_CORPUS = existsSync(CORPUS);
if (!HAVE_CORPUS && process.env.CI) {
  throw new Error(`corpus not found at ${CORPUS}: CI must run with ../shared beside the repo`);
}

export const sample = (name: string) => join(SAMPLES, name);
export const corpus = (name: string) => join(CORPUS, name);

export async function open(file: string, password?: string): Promise<PdfDocument> {
  const r = await openPdf(file, password === undefined ? {} : { password });
  if (!r.ok) throw new Error(`expected ${file} to open: ${r.error.message}`);
  return r.doc;
}

/** Reads every page of a file (small files only). */
export async function readAll(file: string, password?: string): Promise<Page[]> {
  const doc = await open(file, password);
  try {
    const pages: Page[] = [];
    for await (const p of doc.pages()) pages.push(p);
    return pages;
  } finally {
    await doc.close();
  }
}

/** The tables of a corpus file (or of some of its pages), stitched over pages. */
export async function corpusTables(name: string, numbers?: number[]): Promise<Table[]> {
  const doc = await open(corpus(name));
  try {
    const found = [];
    for await (const p of doc.pages(numbers)) found.push(...latticeTables(p.number, p.rules, p.runs));
    return stitchTables(found);
  } finally {
    await doc.close();
  }
}

/** The password of the encrypted samples (samples/README.md). */
export const SAMPLE_PASSWORD = "kohyo-user";

/** Reads every page of a bundled sample, opening the encrypted ones with their password. */
export const readSample = (name: string): Promise<Page[]> =>
  readAll(sample(name), name.includes("encrypted") ? SAMPLE_PASSWORD : undefined);

/** A page's text as lines, and squeezed (no whitespace) for searching across wraps. */
export function pageText(page: Page): { lines: string[]; squeezed: string } {
  const lines = groupLines(page.runs).map((l) => l.text);
  return { lines, squeezed: lines.join("").replace(/[\s\u3000]+/g, "") };
}

export const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, "");

/** Runs the built `kohyo` program (dist/src/cli.js, built by test/setup/build.ts) from the repo root. */
export function kohyo(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "dist/src/cli.js"), ...args], { encoding: "utf8", cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A CSV's rows (quoted fields with commas and line breaks; CRLF line ends read as LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\n") row.push(cell), rows.push(row), (row = []), (cell = "");
    else if (ch !== "\r") cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

/** The output folder name kohyo gives a file alone: its name without .pdf. */
export const outputNameOf = (file: string): string => file.split("/").pop()!.replace(/\.pdf$/i, "");
