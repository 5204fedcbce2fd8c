/**
 * The text of every CSV kohyo writes (records, tables, their index and totals, facts):
 * RFC 4180 by fast-csv, UTF-8, a final line break; with `bom`, a byte order mark first
 * (Excel reads UTF-8 only with it); with `excel`, also the cells Excel would change when it
 * opens the file written so that it shows them as printed (see forExcel).
 */
import { writeToString } from "fast-csv";

export interface CsvOptions {
  /** Start with a byte order mark (Excel needs it to read UTF-8). */
  bom?: boolean;
  /** For opening in Excel: a byte order mark, and the cells Excel would alter kept as text (forExcel). */
  excel?: boolean;
}

export type CsvCell = string | number | boolean | null | undefined;

export async function csvText(rows: readonly (readonly CsvCell[])[], opts: CsvOptions = {}): Promise<string> {
  const body = opts.excel ? rows.map((r) => r.map(forExcel)) : rows.map((r) => r.map((c) => c ?? ""));
  return (opts.bom || opts.excel ? "\uFEFF" : "") + (await writeToString(body, { headers: false })) + "\n";
}

/**
 * A cell as Excel should show it. Excel reads a CSV cell that looks like a number, a date
 * or a formula as one, and some of those readings lose what was printed: a code or phone
 * number's leading zeros (`012025` → 12025), digits past the fifteenth (a 16-digit
 * number is rounded), a short date-like label (`1-2` → 2 January), and text starting with
 * `=`, `+`, `-` or `@` is run as a formula (a cell from a PDF must never run). Those are
 * written as the formula `="…"`, which Excel shows as that text. Everything else — amounts,
 * numbers, ISO dates, words — is left as it is, so Excel still computes with the numbers.
 */
export function forExcel(cell: CsvCell): string | number | boolean {
  if (cell === null || cell === undefined) return "";
  if (typeof cell !== "string") return cell;
  return excelWouldAlter(cell) ? `="${cell.replace(/"/g, '""')}"` : cell;
}

function excelWouldAlter(s: string): boolean {
  const t = s.trim();
  if (t === "") return false;
  // Leading zeros of a code or phone number written without separators.
  if (/^0\d+$/.test(t)) return true;
  // Digits Excel keeps only fifteen of.
  if (/^\d{16,}$/.test(t.replace(/[,.]/g, ""))) return true;
  // A label Excel takes for a day of this year: 1-2, 4/1, 12-3 (ISO dates keep their year and meaning).
  if (/^\d{1,2}[-/]\d{1,2}$/.test(t)) return true;
  // Text Excel would run as a formula (=, +, @, or - not before a plain number). A phone with
  // separators (03-3501-1662) is text to Excel already and is left as it is.
  if (/^[=+@]/.test(t)) return true;
  if (t.startsWith("-") && !/^-\d[\d,]*(\.\d+)?$/.test(t)) return true;
  return false;
}
