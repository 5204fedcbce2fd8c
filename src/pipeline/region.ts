/**
 * The region reader: one record per page, fields found by their printed labels.
 *
 * A page is first cut into boxes — the areas it draws (stroked frames, filled bands and
 * cells, rounded rectangles) — and every piece of text goes to the innermost box around
 * it; text lines are then formed inside each box, so two boxes side by side never share a
 * line. A field's label is looked for in those lines; its value is after the label on the
 * same line, in the box right of it (the label's band), under it in the same box, or in the
 * box right under the label's box — whatever the family's spec allows, in its order. Where
 * the boxes are on the page does not matter: a statistics band at the top of one page and
 * at the bottom of another reads the same. Values are normalised by src/normalize and keep
 * their page, box and printed text.
 */
import { groupLines, type Line } from "../layout/lines.js";
import type { Box, Page, TextRun } from "../model/page.js";
import { groupItems, joinLines, paragraphs, readValue, type TextLine } from "./regionValues.js";
import type { GroupValue, RegionFieldSpec, RegionPlace, RegionRecord, RegionSpec, Sourced } from "./regionSpec.js";

/** A line of text and the box it is printed in (-1: no drawn box). */
export interface BoxedLine extends TextLine {
  area: number;
}

export interface PageBoxes {
  number: number;
  width: number;
  height: number;
  areas: Box[];
  /** Lines, top to bottom then left to right. */
  lines: BoxedLine[];
}

const EPS = 1.5;
const contains = (outer: Box, inner: Box, eps = EPS) =>
  inner.x0 >= outer.x0 - eps && inner.x1 <= outer.x1 + eps && inner.y0 >= outer.y0 - eps && inner.y1 <= outer.y1 + eps;
const area = (b: Box) => (b.x1 - b.x0) * (b.y1 - b.y0);
const centre = (b: Box): Box => {
  const x = (b.x0 + b.x1) / 2;
  const y = (b.y0 + b.y1) / 2;
  return { x0: x, y0: y, x1: x, y1: y };
};

/** The page's boxes and its text lines, each line inside the innermost box around its text. */
export function pageBoxes(page: Page): PageBoxes {
  const pageArea = page.width * page.height;
  // A box as large as the page (a background) holds everything and separates nothing.
  const areas = (page.areas ?? []).filter((b) => area(b) < 0.9 * pageArea);
  const byArea = new Map<number, TextRun[]>();
  for (const run of page.runs) {
    let best = -1;
    areas.forEach((b, i) => {
      if (contains(b, centre(run.box), 0.5) && (best < 0 || area(b) < area(areas[best]!))) best = i;
    });
    const list = byArea.get(best) ?? [];
    list.push(run);
    byArea.set(best, list);
  }
  const lines: BoxedLine[] = [];
  for (const [i, runs] of byArea) {
    for (const l of groupLines(runs)) for (const part of splitAtSizeChange(l)) if (part.text.trim() !== "") lines.push({ ...part, area: i });
  }
  lines.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  return { number: page.number, width: page.width, height: page.height, areas, lines };
}

/** Runs of very different sizes with a gap between them are two texts (a title and a badge beside it), not one line. */
function splitAtSizeChange(line: Line): TextLine[] {
  const parts: TextRun[][] = [[]];
  const runs = [...line.runs].sort((a, b) => a.box.x0 - b.box.x0);
  runs.forEach((r, k) => {
    const prev = runs[k - 1];
    if (prev) {
      const small = Math.min(prev.size, r.size);
      const ratio = Math.max(prev.size, r.size) / small;
      const gap = r.box.x0 - prev.box.x1;
      if ((ratio > SIZE_CHANGE && gap > 0.5 * small) || (ratio > 2 * SIZE_CHANGE / 1.5 && gap > 0)) parts.push([]);
    }
    parts[parts.length - 1]!.push(r);
  });
  if (parts.length === 1) return [{ text: line.text, box: line.box, size: line.size }];
  return parts.map((rs) => {
    const l = groupLines(rs)[0]!;
    return { text: l.text, box: l.box, size: l.size };
  });
}
/** Sizes this many times apart on one band are two texts. */
const SIZE_CHANGE = 1.5;

interface LabelHit {
  line: BoxedLine;
  index: number;
  start: number;
  end: number;
  groups: string[];
}

/** Every label of the spec (fields and group anchors), for cutting one value off at the next label. */
function allLabels(spec: RegionSpec): RegExp[] {
  return [...spec.fields.map((f) => f.label), ...(spec.groups ?? []).map((g) => g.anchor), ...(spec.stops ?? [])];
}
const global = (re: RegExp) => new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);

function findLabel(pb: PageBoxes, label: RegExp): LabelHit | null {
  for (let i = 0; i < pb.lines.length; i++) {
    const line = pb.lines[i]!;
    const m = new RegExp(label.source, label.flags.replace("g", "")).exec(line.text);
    if (m) return { line, index: i, start: m.index, end: m.index + m[0].length, groups: m.slice(1).map((g) => g ?? "") };
  }
  return null;
}

const isLabel = (labels: readonly RegExp[], text: string) => labels.some((re) => new RegExp(re.source, re.flags.replace("g", "")).test(text));

/** Where `text` from `from` on stops: the start of the next label in it. */
function cutAtLabel(labels: readonly RegExp[], text: string, from: number): number {
  let end = text.length;
  for (const re of labels) {
    const g = global(re);
    g.lastIndex = from;
    const m = g.exec(text);
    if (m && m.index >= from && m.index < end && m[0].length > 0) end = m.index;
  }
  return end;
}

const overlapY = (a: Box, b: Box) => Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
const overlapX = (a: Box, b: Box) => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
const labelBoxOf = (pb: PageBoxes, hit: LabelHit): Box => {
  const b = hit.line.area >= 0 ? pb.areas[hit.line.area]! : null;
  // The label's own cell when it is one (a few lines high); else the label's line.
  return b && b.y1 - b.y0 <= 3.5 * hit.line.size && b.x1 - b.x0 <= 0.6 * pb.width ? b : hit.line.box;
};
/** The part of a line's box from character `start` to `end` (proportional: boxes are per line). */
function subBox(line: TextLine, start: number, end: number): Box {
  const n = Math.max(1, line.text.length);
  const w = line.box.x1 - line.box.x0;
  return { x0: line.box.x0 + (w * start) / n, y0: line.box.y0, x1: line.box.x0 + (w * end) / n, y1: line.box.y1 };
}

/** Pieces of text on a label's band further apart than this many ems are not one value. */
const BAND_GAP = 3;

/** The lines of a value at one place, or null. */
function placeLines(pb: PageBoxes, hit: LabelHit, place: RegionPlace, labels: readonly RegExp[]): TextLine[] | null {
  const { line } = hit;
  switch (place) {
    case "label": {
      const text = hit.groups[0] || line.text.slice(hit.start, hit.end);
      return [{ text, box: subBox(line, hit.start, hit.end), size: line.size }];
    }
    case "rest": {
      const end = cutAtLabel(labels, line.text, hit.end);
      const text = line.text.slice(hit.end, end).replace(/^[\s:：]+/, "").trim();
      return text ? [{ text, box: subBox(line, hit.end, end), size: line.size }] : null;
    }
    case "left": {
      const text = line.text.slice(0, hit.start).trim();
      return text ? [{ text, box: subBox(line, 0, hit.start), size: line.size }] : null;
    }
    case "above": {
      let best: BoxedLine | null = null;
      for (const l of pb.lines) {
        if (l.area !== line.area || l.box.y1 > line.box.y0 + 1 || line.box.y0 - l.box.y1 > 1.5 * line.size) continue;
        if (overlapX(l.box, line.box) <= 0) continue;
        if (!best || l.box.y1 > best.box.y1) best = l;
      }
      return best && !isLabel(labels, best.text) ? [best] : null;
    }
    case "right": {
      const band = labelBoxOf(pb, hit);
      const right = hit.start === 0 && line.text.slice(hit.end).trim() === "" ? line.box.x1 : subBox(line, 0, hit.end).x1;
      const candidates = pb.lines.filter((l) => l !== line && l.box.x0 >= right - 2 && overlapY(l.box, band) >= 0.5 * Math.min(l.box.y1 - l.box.y0, band.y1 - band.y0) && !isLabel(labels, l.text));
      if (candidates.length === 0) return null;
      // The nearest box to the right: all its lines (a two-line title in a cell), or the band's lines.
      const nearest = candidates.reduce((a, b) => (b.box.x0 < a.box.x0 ? b : a));
      if (nearest.area >= 0 && nearest.area !== line.area) {
        const box = pb.areas[nearest.area]!;
        // A box whose middle is off the band (a badge higher up that one of its lines reaches into) is no value of the label.
        const middle = (box.y0 + box.y1) / 2;
        const onBand = middle >= band.y0 - 1 && middle <= band.y1 + 1;
        if (onBand && box.y1 - box.y0 <= Math.max(4 * (band.y1 - band.y0), 6 * line.size)) return untilLabel(pb.lines.filter((l) => l.area === nearest.area), labels);
      }
      // Unboxed: the band's pieces of text from the nearest on (an amount, then a note in smaller type after
      // it), each within a few ems of the last, up to the next label.
      const onBand = pb.lines
        .filter((l) => l !== line && l.area === nearest.area && l.box.x0 >= nearest.box.x0 && overlapY(l.box, band) >= 0.5 * Math.min(l.box.y1 - l.box.y0, band.y1 - band.y0))
        .sort((a, b) => a.box.x0 - b.box.x0);
      const out: BoxedLine[] = [];
      for (const l of onBand) {
        const last = out[out.length - 1];
        if (isLabel(labels, l.text) || (last && l.box.x0 - last.box.x1 > BAND_GAP * Math.max(l.size, last.size))) break;
        out.push(l);
      }
      return out.length ? out : [nearest];
    }
    case "before": {
      const above: BoxedLine[] = [];
      let top = line;
      for (let i = hit.index - 1; i >= 0; i--) {
        const l = pb.lines[i]!;
        if (l.area !== line.area || l.box.y1 > top.box.y0 + 1 || overlapX(l.box, line.box) <= 0) continue;
        if (top.box.y0 - l.box.y1 > 1.2 * l.size) break;
        if (Math.abs(l.size - (above[0] ?? l).size) > 0.15 * l.size || isLabel(labels, l.text)) break;
        above.unshift(l);
        top = l;
      }
      const left = line.text.slice(0, hit.start).trim();
      // the heading's last line may stand on the label's band, left of it
      const beside = pb.lines.filter((l) => l !== line && l.area === line.area && l.box.x1 <= line.box.x0 + 1 && overlapY(l.box, line.box) >= 0.5 * Math.min(l.box.y1 - l.box.y0, line.box.y1 - line.box.y0));
      const out: TextLine[] = [...above, ...beside];
      if (left) out.push({ text: left, box: subBox(line, 0, hit.start), size: line.size });
      return out.length ? out : null;
    }
    case "under": {
      const box = line.area >= 0 ? pb.areas[line.area]! : null;
      // Without a box around the label: its column, from the label's left edge over half the page.
      const column: Box = { x0: line.box.x0 - 6, x1: line.box.x0 + pb.width / 2, y0: line.box.y1 - 1, y1: pb.height };
      // A diagram's words are no labels: take them all.
      const inside = pb.lines.filter((l) => l !== line && l.box.y0 >= line.box.y1 - 1 && contains(box ?? column, l.box));
      return inside.length ? inside : null;
    }
    case "zone":
      return null; // read without a label: see zoneLines
    case "below": {
      // Under the label in the same box, down to the next label.
      if (line.area >= 0) {
        const own = pb.lines.filter((l) => l.area === line.area && l.box.y0 >= line.box.y1 - 1 && overlapX(l.box, line.box) + 1 > 0 && l !== line);
        const taken = untilLabel(own, labels);
        if (taken.length) return taken;
      }
      // The box right under the label's box (a band over its box).
      const top = labelBoxOf(pb, hit);
      let best = -1;
      pb.areas.forEach((b, i) => {
        if (i === line.area || b.y0 < top.y1 - 2 || b.y0 - top.y1 > 1.5 * line.size) return;
        if (overlapX(b, top) < 0.5 * Math.min(b.x1 - b.x0, top.x1 - top.x0)) return;
        if (!pb.lines.some((l) => l.area === i)) return;
        if (best < 0 || b.y0 < pb.areas[best]!.y0 || (b.y0 === pb.areas[best]!.y0 && area(b) > area(pb.areas[best]!))) best = i;
      });
      if (best >= 0) {
        const taken = untilLabel(pb.lines.filter((l) => l.area === best), labels);
        return taken.length ? taken : null;
      }
      if (line.area < 0) {
        // No box: the lines that follow in the label's column, each within a line's height of the last.
        const column: Box = { x0: line.box.x0 - 6, x1: line.box.x0 + pb.width / 2, y0: line.box.y1 - 1, y1: pb.height };
        const out: BoxedLine[] = [];
        let bottom = line.box.y1;
        for (const l of pb.lines) {
          if (l.area >= 0 || l === line || l.box.y0 < line.box.y1 - 1 || !contains(column, l.box)) continue;
          if (l.box.y0 - bottom > 1.5 * l.size || isLabel(labels, l.text)) break;
          out.push(l);
          bottom = l.box.y1;
        }
        return out.length ? out : null;
      }
      return null;
    }
  }
}

function untilLabel<T extends TextLine>(lines: readonly T[], labels: readonly RegExp[]): T[] {
  const out: T[] = [];
  for (const l of lines) {
    if (isLabel(labels, l.text)) break;
    out.push(l);
  }
  return out;
}

/** The lines of the boxes drawn inside a zone of the page (fractions of its size), else the lines in it. */
function zoneLines(pb: PageBoxes, zone: NonNullable<RegionFieldSpec["zone"]>, labels: readonly RegExp[]): BoxedLine[] {
  const z: Box = { x0: zone.x0 * pb.width, x1: zone.x1 * pb.width, y0: zone.y0 * pb.height, y1: zone.y1 * pb.height };
  const boxes = pb.areas.filter((b) => contains(z, b, 2));
  const inBox = pb.lines.filter((l) => boxes.some((b) => contains(b, l.box)));
  return (inBox.length ? inBox : pb.lines.filter((l) => contains(z, l.box, 0))).filter((l) => !isLabel(labels, l.text));
}

function readField(pb: PageBoxes, spec: RegionSpec, f: RegionFieldSpec, labels: readonly RegExp[]): Sourced<unknown> | null {
  if (f.at?.includes("zone") && f.zone) {
    const lines = zoneLines(pb, f.zone, labels);
    return lines.length ? readValue(f, lines, () => Math.max(...lines.map((x) => x.box.x1)), pb.number) : null;
  }
  const hit = findLabel(pb, f.label);
  if (!hit) return null;
  for (const place of f.at ?? ["rest", "right", "below"]) {
    const lines = placeLines(pb, hit, place, labels);
    if (!lines || lines.length === 0) continue;
    const edge = (l: TextLine) => {
      const i = (l as BoxedLine).area;
      return i !== undefined && i >= 0 ? pb.areas[i]!.x1 : Math.max(...lines.map((x) => x.box.x1));
    };
    const v = readValue(f, lines, edge, pb.number);
    if (v) return v;
  }
  return null;
}

function readGroups(pb: PageBoxes, spec: RegionSpec, labels: readonly RegExp[]): Record<string, GroupValue[]> {
  const out: Record<string, GroupValue[]> = {};
  for (const g of spec.groups ?? []) {
    const found: GroupValue[] = [];
    const anchor = new RegExp(g.anchor.source, g.anchor.flags.replace("g", ""));
    for (const line of pb.lines) {
      if (!anchor.test(line.text)) continue;
      const same = pb.lines.filter((l) => l.area === line.area && (line.area >= 0 || overlapX(l.box, line.box) > 0));
      const above = same.filter((l) => l.box.y1 <= line.box.y0 + 1);
      const name = joinLines(above.slice(-2).filter((l) => line.box.y0 - l.box.y1 < 3 * line.size));
      const below = untilLabel(same.filter((l) => l.box.y0 >= line.box.y1 - 1), labels);
      const edge = () => (line.area >= 0 ? pb.areas[line.area]!.x1 : Math.max(...below.map((x) => x.box.x1)));
      const list = groupItems(below, g.list, edge);
      const box = line.area >= 0 ? pb.areas[line.area]! : line.box;
      found.push({ name, items: list.items, etc: list.etc, page: pb.number, box });
    }
    out[g.name] = found;
  }
  return out;
}

/** The record a page gives, or null when it is not one of the family's pages. */
export function readRegionPage(spec: RegionSpec, page: Page, pb: PageBoxes = pageBoxes(page)): RegionRecord | null {
  const labels = allLabels(spec);
  for (const name of spec.pageRequires) {
    const f = spec.fields.find((x) => x.name === name);
    if (!f || !findLabel(pb, f.label)) return null;
  }
  const fields: RegionRecord["fields"] = {};
  for (const f of spec.fields) fields[f.name] = readField(pb, spec, f, labels);
  return { page: page.number, fields, groups: readGroups(pb, spec, labels) };
}

export { paragraphs };
