/**
 * Text as a guidebook page prints it: lines tidied of layout artefacts, lines joined into
 * paragraphs, and each stretch of a paragraph traceable to a box on the page.
 */
import { union } from "../layout/blocks.js";
import type { Line } from "../layout/lines.js";
import type { Box } from "../model/page.js";
import { joinParts } from "../table/text.js";
import { emWidth } from "../text/repair.js";
import { maxOf, pushAll } from "../bounded.js";

/**
 * A line's text without the gaps Japanese typesetting puts between Japanese and Latin
 * characters (Word's and LibreOffice's autospace: 令和 6 年 → 令和6年, ( 株 ) → (株)), which
 * the text layer reads as spaces; spaces between two Japanese or two Latin characters stay.
 */
export function compact(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, " ")
    .trim()
    .replace(/(\S) (?=(\S))/gu, (m, a: string, b: string) => (emWidth(a) !== emWidth(b) ? a : m));
}

/** The form two titles are compared in: widths folded (NFKC), no spaces, no case-study mark. */
export function fold(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").replace(/^>/, "").toLowerCase();
}

/** A stretch of printed text: a paragraph, a table cell, a title. */
export interface Unit {
  text: string;
  /** Where each printed line of it went: its characters [start, end) and its box. */
  parts: Array<{ start: number; end: number; box: Box }>;
}

/** The box of text[start, end) of a unit, each line's share found by the width of its characters. */
export function boxOf(unit: Unit, start: number, end: number): Box {
  let out: Box | null = null;
  for (const p of unit.parts) {
    const s = Math.max(start, p.start);
    const e = Math.min(end, p.end);
    if (s >= e) continue;
    const widths = [...unit.text.slice(p.start, p.end)].map(emWidth);
    const total = widths.reduce((a, b) => a + b, 0) || 1;
    const before = [...unit.text.slice(p.start, s)].reduce((a, c) => a + emWidth(c), 0);
    const inside = [...unit.text.slice(s, e)].reduce((a, c) => a + emWidth(c), 0);
    const w = p.box.x1 - p.box.x0;
    const box = { x0: p.box.x0 + (w * before) / total, y0: p.box.y0, x1: p.box.x0 + (w * (before + inside)) / total, y1: p.box.y1 };
    out = out ? union(out, box) : box;
  }
  return round(out ?? unit.parts[0]?.box ?? { x0: 0, y0: 0, x1: 0, y1: 0 });
}

const round = (b: Box): Box => ({ x0: r2(b.x0), y0: r2(b.y0), x1: r2(b.x1), y1: r2(b.y1) });
const r2 = (n: number) => Math.round(n * 100) / 100;

/** A paragraph starts with one of these (bullets, notes, numbered items, brackets). */
const PARAGRAPH_START = /^(?:[・•＊*※○◯●◆◇■□▲▼▶►☞➢✓→【＜<「]|[①-⑳]|[（(][0-9０-９a-zａ-ｚ一二三四五六七八九十]{1,2}[）)]|[0-9０-９]{1,2}[.．、])/u;

/**
 * The lines of one block → paragraphs. A line continues the paragraph above when that
 * line ran to the block's right edge (a soft wrap; line-breaking rules may leave up to
 * about 3 ems free) and it does not start with a bullet.
 */
export function paragraphs(lines: readonly Line[]): Unit[] {
  const sorted = [...lines].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  const right = maxOf(sorted.map((l) => l.box.x1));
  const units: Unit[] = [];
  let cur: Unit | null = null;
  let prev: Line | null = null;
  for (const line of sorted) {
    const text = compact(line.text);
    if (text === "") continue;
    const wrapped =
      prev !== null && prev.box.x1 >= right - 3 * prev.size && !PARAGRAPH_START.test(text) && Math.abs(line.box.x0 - prev.box.x0) < prev.size;
    if (!cur || !wrapped) {
      cur = { text: "", parts: [] };
      units.push(cur);
    }
    const joined = joinParts([cur.text, text]);
    const start = joined.length - text.length;
    cur.text = joined;
    cur.parts.push({ start, end: joined.length, box: line.box });
    prev = line;
  }
  return units;
}

/** Units one after another as one: a title over two lines (sep ""), a table cell's paragraphs (sep "\n"). */
export function joinUnits(units: readonly Unit[], sep: string): Unit {
  const out: Unit = { text: "", parts: [] };
  for (const u of units) {
    const offset = out.text === "" ? 0 : out.text.length + sep.length;
    out.text = out.text === "" ? u.text : `${out.text}${sep}${u.text}`;
    pushAll(out.parts, u.parts.map((x) => ({ ...x, start: x.start + offset, end: x.end + offset })));
  }
  return out;
}

/**
 * The characters of `runs` under a box (a link's words). In a run that mixes scripts,
 * Japanese characters are one em wide and the width left over is shared by the others
 * (Latin, digits, the gaps read as spaces); otherwise each character gets its share of the run.
 */
export function linkText(box: Box, runs: ReadonlyArray<{ text: string; box: Box; size: number }>): string {
  const parts: string[] = [];
  for (const run of [...runs].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0)) {
    const cy = (run.box.y0 + run.box.y1) / 2;
    if (cy < box.y0 || cy > box.y1 || run.box.x1 < box.x0 || run.box.x0 > box.x1) continue;
    const chars = [...run.text];
    const wide = chars.filter((c) => emWidth(c) === 1).length;
    const width = run.box.x1 - run.box.x0;
    const narrow = chars.length > wide ? (width - wide * run.size) / (chars.length - wide) : 0;
    // When the widths do not fit that model (condensed type), every character gets its share by emWidth.
    const fits = chars.length > wide && narrow > 0.15 * run.size && narrow < 0.8 * run.size;
    const scale = width / chars.reduce((a, c) => a + emWidth(c), 0);
    let x = run.box.x0;
    let picked = "";
    for (const ch of chars) {
      const w = fits ? (emWidth(ch) === 1 ? run.size : narrow) : emWidth(ch) * scale;
      // A link's box hugs the ink, which fills only half of a full-width bracket: a quarter of a character is enough.
      if (Math.min(x + w, box.x1) - Math.max(x, box.x0) >= w / 4) picked += ch;
      x += w;
    }
    parts.push(picked);
  }
  // Linked words do not start or end with a comma or a full stop.
  return joinParts(parts).replace(/^[、。，．,\s]+|[、。，,\s]+$/g, "");
}

/** One printed line as a unit. */
export const lineUnit = (line: { text: string; box: Box }): Unit => {
  const text = compact(line.text);
  return { text, parts: [{ start: 0, end: text.length, box: line.box }] };
};
