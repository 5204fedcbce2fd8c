/** date/weekday: a weekday printed beside a date is that date's weekday. */
import type { Check } from "../model/finding.js";
import type { DatedText, DocumentFacts } from "./document.js";

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
