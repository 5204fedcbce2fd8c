/**
 * date/weekday: a weekday printed beside a date is that date's weekday. Over a document's
 * dates (DOCUMENT_CHECKS: the guidebook's reader gives them), and over a table's records
 * (CHECKS: the dates their values print, found by the facts scanner, src/facts/).
 */
import { scanFacts } from "../facts/scan.js";
import type { Check } from "../model/finding.js";
import { type DateValue, parseDate } from "../normalize/wareki.js";
import type { DatedText, DocumentFacts } from "./document.js";
import type { TableFacts } from "./table.js";

export function weekdayCheck(f: DatedText): Check | null {
  if (!f.weekday) return null;
  const wrong = f.weekday.printed.map((w, i) => [w, f.weekday!.actual[i]] as const).filter(([w, a]) => w !== a);
  return {
    rule: "date/weekday", ok: wrong.length === 0, severity: "error", printed: f.text, page: f.page, box: f.box,
    message: wrong.length === 0
      ? `「${f.text}」: the weekday${f.weekday.printed.length > 1 ? "s agree" : " agrees"} with the date`
      : `「${f.text}」: ${wrong.map(([w, a]) => `printed (${w}) but the day is a ${a}曜日`).join("; ")}`,
  };
}

export const DATE_RULES = {
  "date/weekday": (d: DocumentFacts) => d.dates.flatMap((f) => weekdayCheck(f) ?? []),
};

const WEEKDAYS = "日月火水木金土";
const DATE_KINDS = new Set(["date", "deadline", "dateRange"]);

/**
 * The dates a text prints with a weekday — each end of a range — and their true weekdays.
 * A date without its year is left out: its weekday cannot be known.
 */
export function weekdaysIn(text: string): { text: string; weekday: NonNullable<DatedText["weekday"]> }[] {
  return scanFacts(text).flatMap((f) => {
    if (!DATE_KINDS.has(f.kind) || typeof f.value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(f.value)) return [];
    const v = parseDate(f.text).value;
    const days = [v, v?.end].filter((d): d is DateValue => d?.printedWeekday !== undefined && d.month !== undefined && d.day !== undefined);
    if (days.length === 0) return [];
    const actual = days.map((d) => WEEKDAYS[new Date(Date.UTC(d.year, d.month! - 1, d.day!)).getUTCDay()]!);
    return [{ text: f.text, weekday: { printed: days.map((d) => d.printedWeekday!), actual } }];
  });
}

/** The table rule: one finding for each date a record's value prints with a weekday, at the value's page and box. */
export const TABLE_DATE_RULES = {
  "date/weekday": (_spec: { rule: "date/weekday" }, facts: TableFacts): Check[] =>
    facts.rows.flatMap((r) =>
      Object.entries(r.raw ?? {}).flatMap(([path, text]) =>
        weekdaysIn(text).flatMap((d) => {
          const place = r.places[path] ?? r.place;
          const check = weekdayCheck({ ...d, page: place.page, box: place.box ?? r.place.box ?? { x0: 0, y0: 0, x1: 0, y1: 0 } });
          if (!check) return [];
          const title = facts.titles[path] ?? path;
          return [{ ...check, table: facts.name, column: title, ...(r.key !== null && { record: r.key }), message: `${facts.name}${r.key !== null ? ` ${r.key}` : ""}: ${title}: ${check.message}` }];
        }),
      ),
    ),
};
