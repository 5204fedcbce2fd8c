/**
 * Text of a cell from the runs that fall in it: runs → lines (top to bottom), lines
 * joined as the page reads — no space between Japanese characters, a space between
 * Latin words.
 */
import type { TextRun } from "../model/page.js";
import { emWidth, firstChar, lastChar } from "../text/repair.js";

const centerY = (r: TextRun) => (r.box.y0 + r.box.y1) / 2;

/** A run this much smaller than the cell's largest text is a superscript or subscript (※２, a footnote mark). */
const SMALL = 0.75;

/**
 * Groups a cell's runs into printed lines, each read left to right. A small run printed
 * raised or lowered beside a line (「配分予定額※２」) belongs to that line, in its place.
 */
export function cellLines(runs: readonly TextRun[]): string[] {
  const largest = runs.reduce((m, r) => Math.max(m, r.size), 0);
  const small = (r: TextRun) => r.size < SMALL * largest;
  const sorted = runs.filter((r) => !small(r)).sort((a, b) => centerY(a) - centerY(b) || a.box.x0 - b.box.x0);
  const lines: TextRun[][] = [];
  for (const r of sorted) {
    const line = lines[lines.length - 1];
    const ref = line?.[0];
    if (line && ref && Math.abs(centerY(r) - centerY(ref)) <= 0.5 * Math.min(r.size, ref.size)) line.push(r);
    else lines.push([r]);
  }
  for (const r of runs.filter(small)) {
    const line = lines.find((l) => l.some((o) => r.box.y0 < o.box.y1 && o.box.y0 < r.box.y1));
    if (line) line.push(r);
    else lines.push([r]);
  }
  lines.sort((a, b) => centerY(a[0]!) - centerY(b[0]!));
  return lines.map((line) => joinParts(line.sort((a, b) => a.box.x0 - b.box.x0).map((r) => r.text)));
}

/** Joins pieces of text as one reads them: a space only between two narrow (Latin) characters. */
export function joinParts(parts: readonly string[]): string {
  let out = "";
  for (const part of parts) {
    const p = part.trim();
    if (p === "") continue;
    if (out !== "") {
      if (emWidth(lastChar(out)) < 1 && emWidth(firstChar(p)) < 1) out += " ";
    }
    out += p;
  }
  return out;
}

/**
 * A header cell's text as a column name: letter-spacing taken out ("事　業　名" → "事業名",
 * "( 3 0 0 字 以 内 ）" → "(300字以内）"); spaces between Latin words kept ("No. of staff").
 * Whitespace goes where a neighbour is a full-width character, between two digits, and
 * just inside brackets.
 */
export function headerName(text: string): string {
  return text
    .trim()
    .replace(/(\S)[\s\u3000]+(?=\S)/gu, (m, a: string, offset: number, all: string) => {
      const b = all[offset + m.length]!;
      const squeeze =
        emWidth(a) === 1 || emWidth(b) === 1 || (/\d/.test(a) && /\d/.test(b)) || /[([{]/.test(a) || /[)\]}]/.test(b);
      return squeeze ? a : `${a} `;
    });
}
