/**
 * Page furniture: the printed page number at the head or the foot of a page, with the
 * running title printed on its line (― 18 ― 一般会計, - 7 -, 12/44, p.3). It is never the
 * content of a table, and read as text beside a table's caption it makes a table of its own.
 */
import type { Rule, TextRun } from "../model/page.js";
import { maxOf, minOf } from "../bounded.js";
import { baselineBands } from "./lines.js";

/** The head or foot line lies within this share of the page's height from its edge. */
const MARGIN = 0.12;
/** A running title beside the page number: a few characters, no digits (一般会計, 令和６年度 would be a date). */
const TITLE = "[^\\d]{1,16}";
/** The page number dressed as one: ― 18 ―, - 18 -, p.18, 18頁. */
const DRESSED = "(?:[-―‐—–ー~〜] ?\\d{1,4} ?[-―‐—–ー~〜]|[pP]\\. ?\\d{1,4}|\\d{1,4} ?頁)";
/** The whole head or foot line: the dressed number, a title before or after it, apart by a space. */
const FOLIO = new RegExp(`^(?:${TITLE} )?${DRESSED}(?: ${TITLE})?$`, "u");
/**
 * A page number alone on its line: 18, (18), 12/44 — with a title beside it, it is a
 * heading's number ((2) 研修費), a rate (市町村 1/4) or a date (3/25 (火) 修了式).
 */
const ALONE = /^(?:\d{1,4}|\(\d{1,4}\)|\d{1,4} ?\/ ?\d{1,4})$/u;

interface Sheet {
  width: number;
  height: number;
  runs: readonly TextRun[];
  rules: readonly Rule[];
}

/** The runs of the page's head and foot lines when they carry its printed page number. */
export function pageFurniture(page: Sheet): Set<TextRun> {
  const bands = baselineBands(page.runs);
  const out = new Set<TextRun>();
  const ends = bands.length > 1 ? [bands[0]!, bands[bands.length - 1]!] : bands;
  for (const band of ends) {
    // A few runs: a page number and a title, not a row of figures.
    if (band.length > 8) continue;
    const y0 = minOf(band.map((r) => r.box.y0));
    const y1 = maxOf(band.map((r) => r.box.y1));
    if (y1 > MARGIN * page.height && y0 < (1 - MARGIN) * page.height) continue;
    // A line with a rule beyond it, nearer the page's edge, is in a ruled table (its last or
    // first row), not over or under the page's content.
    const x0 = minOf(band.map((r) => r.box.x0));
    const x1 = maxOf(band.map((r) => r.box.x1));
    const head = band === ends[0] && y1 <= MARGIN * page.height;
    if (page.rules.some((r) => r.axis === "h" && r.start < x1 && r.end > x0 && (head ? r.pos < y0 : r.pos > y1))) continue;
    const text = band
      .map((r) => r.text)
      .join(" ")
      .normalize("NFKC")
      .replace(/\s+/gu, " ")
      .trim();
    // The unit printed on the line ((単位：千円)) is the tables' (find.ts withUnits).
    if (text.includes("単位")) continue;
    // A number alone is a page number where page numbers are printed: centred, or near a
    // side (合計 120 is a table's last row).
    const centre = (x0 + x1) / 2;
    const placed = Math.abs(centre - page.width / 2) < 0.1 * page.width || centre < 0.15 * page.width || centre > 0.85 * page.width;
    if (FOLIO.test(text) || (ALONE.test(text) && placed)) for (const r of band) out.add(r);
  }
  return out;
}
