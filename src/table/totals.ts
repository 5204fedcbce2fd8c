/**
 * Printed totals, checked. A row whose label reads 合計, 小計, 計, 総計, 歳入合計, 歳出合計 …
 * closes the rows above it; every column where the total row prints a number is summed
 * over those rows (a spanning cell counted once, "－" counted as nothing) and compared.
 *
 * - 合計 / 総計 and the like close every detail row since the previous grand total;
 *   小計 rows in between are left out of the sum so nothing is counted twice.
 * - 小計 / 計 close the rows since the previous total of any kind.
 * - A difference within the rounding of the display unit (at most half a unit per
 *   row summed) is a warning, `totals/rounding`; anything larger is an error.
 */
import { parseNumber } from "../normalize/numbers.js";
import type { Severity } from "../diagnostics.js";
import type { Box } from "../pdf/types.js";
import { dataRows, type Table } from "./stitch.js";

export interface TotalCheck {
  /** The total row's label as printed, spaces taken out (合計, 小計 …). */
  label: string;
  /** 0-based data row of the total row. */
  row: number;
  page: number;
  box: Box;
  /** The column's header path joined with " / ". */
  column: string;
  printed: number;
  sum: number;
  difference: number;
  /** How many rows were summed. */
  rows: number;
  ok: boolean;
  severity: Severity;
}

const GRAND = /^(?:.{0,6})(?:総合計|合計|総計)$/u;
const SUB = /^(?:.{0,6})(?:小計|計)$/u;
const squeeze = (s: string) => s.replace(/[\s\u3000]+/gu, "");

/** The kind of total a row is, from its label cells (the non-numeric ones). */
function totalKind(row: readonly string[]): { kind: "grand" | "sub"; label: string } | null {
  for (const cell of row) {
    const t = squeeze(cell);
    if (t === "" || t.length > 10) continue;
    if (GRAND.test(t)) return { kind: "grand", label: t };
    if (SUB.test(t)) return { kind: "sub", label: t };
  }
  return null;
}

function valueOf(text: string): number | null {
  if (squeeze(text) === "") return null;
  const n = parseNumber(text);
  return typeof n.value === "number" && Number.isFinite(n.value) ? n.value : null;
}

/** Decimal places printed, for the rounding tolerance. */
function decimals(text: string): number {
  const m = /[.．](\d+)/u.exec(text);
  return m ? m[1]!.length : 0;
}

export function checkTotals(table: Table): TotalCheck[] {
  const rows = dataRows(table);
  const kinds = rows.map(totalKind);
  const checks: TotalCheck[] = [];
  let lastGrand = -1;
  let lastAny = -1;
  rows.forEach((row, r) => {
    const kind = kinds[r];
    if (!kind) return;
    const from = kind.kind === "grand" ? lastGrand + 1 : lastAny + 1;
    const closes = Array.from({ length: r - from }, (_, i) => from + i).filter((i) => !kinds[i]);
    row.forEach((text, col) => {
      const printed = valueOf(text);
      if (printed === null || closes.length === 0) return;
      let sum = 0;
      let count = 0;
      for (const i of closes) {
        const v = valueOf(rows[i]![col]!);
        if (v !== null) {
          sum += v;
          count++;
        }
      }
      const unit = 10 ** -decimals(text);
      const difference = round(printed - sum, decimals(text) + 2);
      const ok = difference === 0;
      const rounding = !ok && Math.abs(difference) <= Math.max(1, count) * unit * 0.5;
      const cell = table.cells.find((c) => c.row === table.headerRows + r && c.col === col);
      checks.push({
        label: kind.label,
        row: r,
        page: cell?.page ?? table.pages[table.pages.length - 1]!,
        box: cell?.box ?? { x0: 0, y0: 0, x1: 0, y1: 0 },
        column: table.columns[col]!.join(" / "),
        printed,
        sum: round(sum, decimals(text) + 2),
        difference,
        rows: count,
        ok,
        severity: ok ? "info" : rounding ? "warning" : "error",
      });
    });
    lastAny = r;
    if (kind.kind === "grand") lastGrand = r;
  });
  return checks;
}

function round(v: number, places: number): number {
  const f = 10 ** places;
  return Math.round(v * f) / f;
}
