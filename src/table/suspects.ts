/**
 * The arithmetic catching OCR's mistakes: a printed total that fails on a page read by OCR
 * names the numbers OCR was least sure of among those it adds up (`ocr/suspect-digit`).
 * Nothing is corrected: the reading stays as OCR made it, and the finding says which cells
 * to look at on the page — and, when exactly one of them one digit apart would make the
 * total hold, that reading as a suggestion (`expected`), never applied.
 */
import type { Diagnostic } from "../model/finding.js";
import { centre, contains } from "../pdf/geometry.js";
import type { Box, Page } from "../model/page.js";
import type { Table } from "./stitch.js";
import type { TotalCheck } from "./totals.js";
import { LOW_CONFIDENCE } from "../ocr/page.js";

/** A run read by OCR: where, and how sure. */
export interface OcrReading {
  page: number;
  box: Box;
  text: string;
  confidence: number;
}

/** The runs of a page read by OCR (none for a page read from its text layer). */
export function ocrReadings(page: Page): OcrReading[] {
  if (!page.ocr) return [];
  return page.runs.map((r) => ({ page: page.number, box: r.box, text: r.text, confidence: r.confidence ?? 1 }));
}

/** A cell's OCR confidence: the least of the runs in it; undefined when no run in it was read by OCR. */
export function cellConfidence(cell: { page: number; box: Box }, readings: readonly OcrReading[]): number | undefined {
  let least: number | undefined;
  for (const r of readings) {
    if (r.page === cell.page && contains(cell.box, centre(r.box))) least = Math.min(least ?? 1, r.confidence);
  }
  return least;
}

/**
 * For each failing total of the table that OCR read: the cells it adds up (and the total
 * itself) whose reading is below LOW_CONFIDENCE, as one `ocr/suspect-digit` finding; or,
 * when none is, a finding that says so (the mistake is then a confident misreading, or a
 * row the table reader put elsewhere).
 */
export function suspectDigits(table: Table, checks: readonly TotalCheck[], readings: readonly OcrReading[], file?: string): Diagnostic[] {
  if (readings.length === 0) return [];
  const out: Diagnostic[] = [];
  const names = table.columns.map((path) => path.join(" / "));
  for (const c of checks) {
    if (c.ok) continue;
    const cols = new Set(names.flatMap((n, i) => (n === c.column ? [i] : [])));
    const rows = new Set([c.row, ...c.terms.map((t) => t.row)].map((r) => r + table.headerRows));
    const cells = table.cells.filter((cell) => rows.has(cell.row) && [...cols].some((i) => i >= cell.col && i < cell.col + cell.colSpan));
    const read = cells.map((cell) => ({ cell, confidence: cellConfidence(cell, readings) })).filter((x) => x.confidence !== undefined);
    if (read.length === 0) continue;
    const suspects = read.filter((x) => x.confidence! < LOW_CONFIDENCE).sort((a, b) => a.confidence! - b.confidence!);
    const where = `p.${c.page} ${c.label}${c.column ? ` of ${c.column}` : ""} (off by ${c.difference.toLocaleString("en-US")})`;
    const first = suspects[0]?.cell;
    const hint = oneDigitFix(table, c, suspects.map((x) => x.cell));
    out.push({
      severity: "warning",
      rule: "ocr/suspect-digit",
      message: suspects.length
        ? `${where}: read by OCR; the least sure readings it adds up: ${suspects
            .slice(0, 5)
            .map((x) => `“${x.cell.text}” (row ${x.cell.row - table.headerRows + 1}, confidence ${x.confidence!.toFixed(2)})`)
            .join(", ")} — check them on the page; nothing was corrected${
            hint ? `; suggestion from the sum: “${hint.cell.text}” read as ${hint.value.toLocaleString("en-US")} (one digit apart) would make it hold` : ""
          }`
        : `${where}: read by OCR, every number it adds up read with confidence ≥ ${LOW_CONFIDENCE}; check the row on the page; nothing was corrected`,
      ...(file !== undefined && { file }),
      page: first?.page ?? c.page,
      box: first?.box ?? c.box,
      ...(first && { row: first.row - table.headerRows }),
      column: c.column,
      actual: suspects.map((x) => ({ text: x.cell.text, row: x.cell.row - table.headerRows, page: x.cell.page, box: x.cell.box, confidence: x.confidence })),
      ...(hint && { expected: { text: hint.cell.text, row: hint.cell.row - table.headerRows, page: hint.cell.page, box: hint.cell.box, value: hint.value } }),
    });
  }
  return out;
}

/**
 * The one suspect reading that, one digit apart (a digit changed, added or lost), would
 * make the check hold — the total itself read as what its rows add up to, or a term read
 * as what the total leaves for it — or null when none or more than one would. A
 * suggestion for the finding only: the reading is never changed from it.
 */
export function oneDigitFix(table: Table, check: TotalCheck, suspects: readonly Table["cells"][number][]): { cell: Table["cells"][number]; value: number } | null {
  const fixes: { cell: Table["cells"][number]; value: number }[] = [];
  for (const cell of suspects) {
    const row = cell.row - table.headerRows;
    const read = row === check.row ? check.printed : check.terms.find((t) => t.row === row)?.value;
    if (read === undefined) continue;
    const value = row === check.row ? check.sum : read + check.difference;
    if (Math.sign(value) === Math.sign(read) && oneEditApart(String(Math.abs(read)), String(Math.abs(value)))) fixes.push({ cell, value });
  }
  return fixes.length === 1 ? fixes[0]! : null;
}

/** Two digit strings one edit apart: one digit changed, added or dropped. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) return [...a].filter((ch, i) => ch !== b[i]).length === 1;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}
