/**
 * The hand-read corpus truth (../shared/corpus/truth.json and test/table/truth-extra.json):
 * each table tool scored by the one matching rule of src/table/match.ts — cells found with
 * their row label and column header; for kohyo also the printed totals with a passing check.
 * Tools without a header (pdfplumber, tabula-java) are tried with every header depth.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export function corpusTruth(root) {
  const dir = process.env.KOHYO_CORPUS ?? join(root, "../shared/corpus");
  if (!existsSync(join(dir, "truth.json"))) return null;
  const items = [
    ...JSON.parse(readFileSync(join(dir, "truth.json"), "utf8")).items,
    ...JSON.parse(readFileSync(join(root, "test/table/truth-extra.json"), "utf8")).items,
  ];
  return { dir, items, files: [...new Set(items.filter((i) => i.kind === "cell" || i.kind === "total").map((i) => i.file))] };
}

/** pdfplumber's version, or null when python3 cannot import it. */
export function pdfplumberVersion() {
  const r = spawnSync("python3", ["-c", "import pdfplumber; print(pdfplumber.__version__)"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Camelot's version, or null when python3 cannot import it. */
export function camelotVersion() {
  const r = spawnSync("python3", ["-c", "import camelot; print(camelot.__version__)"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * Score one tool: `read(file, pages)` → { grids, totals? } for a corpus file; `pages` are
 * the pages its truth items are on (kohyo reads those of a scan by OCR, as the truth test does).
 */
export async function scoreCorpus(root, truth, read) {
  const { findsCell, findsTotal } = await import(join(root, "dist/src/table/match.js"));
  const byFile = new Map();
  const pagesOf = (f) => [...new Set(truth.items.filter((i) => i.file === f).map((i) => i.page))];
  for (const f of truth.files) byFile.set(f, await read(join(truth.dir, f), pagesOf(f)));
  const cells = truth.items.filter((i) => i.kind === "cell");
  const totals = truth.items.filter((i) => i.kind === "total");
  const cellsFound = cells.filter((i) => findsCell(byFile.get(i.file).grids, i)).length;
  const got = byFile.get(totals[0]?.file)?.totals;
  return {
    cells: { found: cellsFound, total: cells.length },
    ...(got !== undefined && { totals: { found: totals.filter((i) => findsTotal(byFile.get(i.file).totals, i)).length, total: totals.length } }),
  };
}

/** pdfplumber's tables of a file as grids without a header, one per page table. */
export function pdfplumberGrids(root, file) {
  const r = spawnSync("python3", [join(root, "bench/pdfplumber_tables.py"), file], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) return { grids: [] };
  return { grids: JSON.parse(r.stdout).map((t) => ({ header: null, rows: t.rows.map((cells) => ({ page: t.page, cells })) })) };
}

/** kohyo's stitched tables of a file (bench/corpus-kohyo.mjs), with its total checks; scanned pages among `scans` read by OCR. */
export function kohyoGrids(root, file, scans = []) {
  const r = spawnSync(process.execPath, [join(root, "bench/corpus-kohyo.mjs"), file, scans.join(",")], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) return { grids: [], totals: [] };
  return JSON.parse(r.stdout);
}
