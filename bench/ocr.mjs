/**
 * The OCR part of `npm run bench`: corpus 25 (a scanned shareholders' meeting pack), the
 * balance sheet, P/L, expense list and equity statement (pp. 9–12), read by
 *
 * - kohyo tables --ocr auto (tesseract.js, on every core), the whole command;
 * - the tesseract command line (Debian tesseract-ocr + tesseract-ocr-jpn) on the same pages
 *   rendered by pdftoppm at 300 dpi gray (rendering not timed), when both are installed.
 *
 * Accuracy: of the 120 numbers printed in those tables (test/ocr/truth-25.json, read by
 * eye), how many the tool gives exactly — for kohyo, as table cells; for tesseract, as
 * numbers anywhere in its lines of words (no tables) — each truth number matched once per page.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const OCR_PAGES = [9, 10, 11, 12];
const NUMBER = /△?\d{1,3}(?:,\d{3})+|△?\d+/g;
const value = (s) => s.replace(/[△▲]/g, "-").replace(/,/g, "");

/** The truth's numbers per page. */
export function truthNumbers(root) {
  const truth = JSON.parse(readFileSync(join(root, "test/ocr/truth-25.json"), "utf8"));
  return { file: join(root, truth.file), pages: Object.fromEntries(Object.entries(truth.pages).map(([p, t]) => [p, t.rows.flat().filter((c) => /^△?[\d,]+$/.test(c)).map(value)])) };
}

/** How many truth numbers are found among `got` (page → texts), each matched once. */
export function numberAccuracy(want, got) {
  let right = 0, total = 0;
  const missed = [];
  for (const [page, numbers] of Object.entries(want)) {
    const pool = (got[page] ?? []).flatMap((t) => t.match(NUMBER) ?? []).map(value);
    for (const n of numbers) {
      total++;
      const i = pool.indexOf(n);
      if (i >= 0) {
        pool.splice(i, 1);
        right++;
      } else missed.push(`p.${page} ${n}`);
    }
  }
  return { right, total, percent: +((100 * right) / total).toFixed(1), missed: missed.slice(0, 12) };
}

/** kohyo's tables JSON → page → cell texts. */
export function kohyoCells(json) {
  const out = {};
  for (const t of json.tables) for (const c of t.cells) (out[c.page] ??= []).push(c.text);
  return out;
}

/** The pages as 300-dpi gray pictures for the tesseract CLI (cached); null without pdftoppm. */
export function pagePictures(file, cache) {
  const dir = join(cache, "scan25");
  mkdirSync(dir, { recursive: true });
  const out = [];
  for (const p of OCR_PAGES) {
    const base = join(dir, `p${p}`);
    if (!existsSync(`${base}.pgm`)) {
      const r = spawnSync("pdftoppm", ["-r", "300", "-gray", "-f", String(p), "-l", String(p), "-singlefile", file, base]);
      if (r.status !== 0) return null;
    }
    out.push({ page: p, path: `${base}.pgm` });
  }
  return out;
}

/**
 * tesseract TSV → its lines of words (level 5 rows, by block, paragraph and line). With
 * jpn, tesseract ends a word at each thousands comma (119, 214, 996): a word ending in a
 * comma is joined to the next, other words apart by a space.
 */
export function tsvWords(tsv) {
  const lines = new Map();
  for (const f of tsv.split("\n").slice(1).map((l) => l.split("\t"))) {
    if (f[0] !== "5" || !f[11]?.trim()) continue;
    const key = f.slice(2, 5).join(".");
    const words = lines.get(key) ?? [];
    words.push(f[11].trim());
    lines.set(key, words);
  }
  return [...lines.values()].map((words) => words.reduce((line, w) => (line === "" ? w : line.endsWith(",") ? line + w : `${line} ${w}`), ""));
}
