/**
 * One guidebook page → its parts: the printed page number and the category tabs (page
 * furniture, dropped), the title with its ministry, the need tag, the numbered sections
 * (1.概要, 2.内容, 3.備考 …) with their text in reading order, the 問い合わせ先 block, the
 * tables, and every line (for counts).
 *
 * A section is the area under its heading: to the right as far as the next heading on the
 * same band (a second column) or the page's content edge, down to the next heading below
 * in that column. Text outside every section goes to the spec's `other`.
 */
import { groupBlocks, readingOrder, union } from "../layout/blocks.js";
import { groupLines, type Line } from "../layout/lines.js";
import type { Box, Link, Page } from "../model/page.js";
import { centre, contains } from "../pdf/geometry.js";
import { findTables } from "../table/find.js";
import type { PageTable } from "../table/types.js";
import { compact, joinUnits, lineUnit, linkText, paragraphs, type Unit } from "./text.js";
import { CONTACT, HEADING, MINISTRY, patternsOf } from "./patterns.js";
import type { GuidebookSpec } from "./types.js";
import { maxOf, minOf } from "../bounded.js";

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  printedPage: number | null;
  /** The title as printed (ministry included), without the ministry, and the ministry. */
  title: { printed: string; text: string; ministry: string | null; unit: Unit; box: Box } | null;
  need: { text: string; box: Box } | null;
  /** Sections in the order of their headings; text outside them last, under `other`. */
  sections: Array<{ name: string; label: string; box: Box; paragraphs: Array<Unit & { block: number }> }>;
  /** The 問い合わせ先 blocks, each from its marker line down. */
  contacts: Array<{ lines: Array<{ text: string; box: Box }>; box: Box }>;
  /** Every line of text that is not page furniture, table cells included, top to bottom. */
  lines: Array<{ text: string; box: Box }>;
  tables: PageTable[];
  /** The page's links with the words they are on. */
  links: Array<Link & { text: string }>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export function analysePage(page: Page, spec: GuidebookSpec): PageLayout {
  // Ruled tables only: a guidebook page is boxes of text, which stream reading would take for tables.
  const tables = findTables(page, { stream: false });
  const tableOf = (b: Box) => tables.findIndex((t) => contains(t.box, centre(b)));
  let lines = groupLines(page.runs).filter((l) => tableOf(l.box) < 0);

  // Page furniture: the printed page number in a corner, the category tabs down an edge.
  const corner = (l: Line) => l.box.y0 > 0.88 * page.height || l.box.y1 < 0.1 * page.height;
  const pageNo = lines.filter((l) => /^[0-9０-９]{1,3}$/.test(l.text.trim()) && corner(l)).sort((a, b) => b.box.y0 - a.box.y0)[0];
  const printedPage = pageNo ? Number(pageNo.text.trim().normalize("NFKC")) : null;
  const edge = (l: Line) => centre(l.box).x > 0.92 * page.width || centre(l.box).x < 0.08 * page.width;
  const tabChars = lines.filter((l) => l !== pageNo && edge(l) && ([...l.text.replace(/\s/g, "")].length <= 2 || l.vertical));
  const tabs = tabChars.filter((l) => tabChars.filter((o) => Math.abs(centre(o.box).x - centre(l.box).x) < 4).length >= 3);
  lines = lines.filter((l) => l !== pageNo && !tabs.includes(l));
  const contentRight = Math.min(page.width, minOf(tabs.filter((l) => centre(l.box).x > page.width / 2).map((l) => l.box.x0 - 2)));

  // The title: the largest type in the top part of the page, on consecutive lines.
  const bodySize = median(page.runs.map((r) => r.size));
  const top = lines.filter((l) => l.box.y1 < 0.4 * page.height);
  const maxSize = Math.max(0, maxOf(top.map((l) => l.size)));
  let titleLines: Line[] = [];
  if (maxSize >= 1.25 * bodySize) {
    for (const l of top.filter((x) => x.size >= maxSize - 0.6).sort((a, b) => a.box.y0 - b.box.y0)) {
      const last = titleLines[titleLines.length - 1];
      if (last && l.box.y0 - last.box.y1 > 0.8 * l.size) break;
      titleLines.push(l);
    }
  }
  const title = titleLines.length > 0 ? readTitle(titleLines) : null;
  lines = lines.filter((l) => !titleLines.includes(l));

  // The need tag: a line above (or beside) the title that asks for something (…を知りたい).
  const needLine = lines
    .filter((l) => (title ? l.box.y0 < title.box.y1 : l.box.y1 < 0.2 * page.height) && patternsOf(spec).need.test(compact(l.text)))
    .sort((a, b) => a.box.y0 - b.box.y0)[0];
  lines = lines.filter((l) => l !== needLine);

  // Contact blocks: each marker line and the lines under it, aligned with it, without a gap.
  const contacts: PageLayout["contacts"] = [];
  for (const marker of lines.filter((l) => CONTACT.test(compact(l.text)))) {
    const block = [marker];
    for (const l of [...lines].sort((a, b) => a.box.y0 - b.box.y0)) {
      const last = block[block.length - 1]!;
      if (l === marker || l.box.y0 <= marker.box.y0) continue;
      const gap = l.box.y0 - last.box.y1;
      // A gap or the next block's marker ends the block.
      if (gap > 0.9 * Math.max(l.size, last.size) || CONTACT.test(compact(l.text))) break;
      if (Math.abs(l.box.x0 - marker.box.x0) <= 3 * marker.size && !isHeading(l, spec)) block.push(l);
    }
    contacts.push({ lines: block.map((l) => ({ text: compact(l.text), box: l.box })), box: block.map((l) => l.box).reduce(union) });
    lines = lines.filter((l) => !block.includes(l));
  }

  // Sections: each heading's area, as far as the next heading to its right and below it.
  const split = lines.flatMap((l) => splitHeading(l, spec));
  const headings = split.filter((l) => isHeading(l, spec)).sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  // A heading's label is often centred in a box wider than its text: its column starts up to 2 ems to the left.
  const band = (a: Line, b: Line) => Math.abs(centre(a.box).y - centre(b.box).y) < Math.max(a.size, b.size);
  const leftEdge = (h: Line) => (headings.some((o) => band(o, h) && o.box.x1 < h.box.x0) ? h.box.x0 - 2 * h.size : 0);
  const rightEdge = (h: Line) => Math.min(contentRight, minOf(headings.filter((o) => o !== h && band(o, h) && o.box.x0 > h.box.x1).map(leftEdge)));
  const areas = headings.map((h) => {
    const x0 = leftEdge(h);
    const x1 = rightEdge(h);
    const below = headings.filter((o) => o.box.y0 > h.box.y1 - 1 && !band(o, h) && leftEdge(o) < x1 && rightEdge(o) > x0);
    const y1 = Math.min(page.height, minOf(below.map((o) => o.box.y0 - 1)));
    const m = HEADING.exec(compact(h.text))!;
    return { name: m[2]!.trim(), label: compact(h.text), box: { x0, y0: h.box.y0 - 4, x1, y1 } };
  });
  const content = split.filter((l) => !headings.includes(l));
  const areaOf = (b: Box) => areas.findIndex((a) => contains(a.box, centre(b)));

  const sections: PageLayout["sections"] = [];
  const fill = (name: string, label: string, box: Box, ls: Line[], ts: PageTable[]) => {
    const items = [
      ...groupBlocks(ls).map((b) => ({ box: b.box, units: paragraphs(b.lines) })),
      ...ts.map((t) => ({ box: t.box, units: tableUnits(t, page) })),
    ];
    const paras = readingOrder(items).flatMap((item, block) => item.units.map((u) => ({ ...u, block })));
    sections.push({ name, label, box, paragraphs: paras });
  };
  areas.forEach((a, i) =>
    fill(a.name, a.label, a.box, content.filter((l) => areaOf(l.box) === i), tables.filter((t) => areaOf(t.box) === i)),
  );
  const rest = content.filter((l) => areaOf(l.box) < 0);
  const restTables = tables.filter((t) => areaOf(t.box) < 0);
  if (rest.length + restTables.length > 0) {
    const box = [...rest.map((l) => l.box), ...restTables.map((t) => t.box)].reduce(union);
    fill(spec.page.other, "", box, rest, restTables);
  }

  // Every printed line once, from the units (so table cells keep their own lines' boxes).
  const units = [...(title ? [title.unit] : []), ...sections.flatMap((x) => x.paragraphs)];
  const all = [
    ...units.flatMap((u) => u.parts.map((p) => ({ text: u.text.slice(p.start, p.end), box: p.box }))),
    ...(needLine ? [{ text: compact(needLine.text), box: needLine.box }] : []),
    ...contacts.flatMap((c) => c.lines),
  ];
  return {
    page: page.number,
    width: page.width,
    height: page.height,
    printedPage,
    title,
    need: needLine ? { text: compact(needLine.text), box: needLine.box } : null,
    sections,
    contacts,
    lines: all.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0),
    tables,
    // The runs as drawn (not compacted), so that character widths place the words under a link.
    links: page.links.map((l) => ({ ...l, text: compact(linkText(l.box, page.runs)) })),
  };
}

function readTitle(lines: Line[]): NonNullable<PageLayout["title"]> {
  // A title broken over lines is one title.
  const unit = joinUnits(lines.map(lineUnit), "");
  const printed = unit.text;
  // The ministry is the last bracket that names one: 中小企業省力化投資補助（カタログ補助金）（経産省）.
  const all = [...printed.matchAll(MINISTRY)];
  const last = all[all.length - 1];
  const text = last ? (printed.slice(0, last.index) + printed.slice(last.index! + last[0].length)).trim() : printed;
  return { printed, text, ministry: last ? last[1]!.trim() : null, unit, box: lines.map((l) => l.box).reduce(union) };
}

function isHeading(l: Line, spec: GuidebookSpec): boolean {
  const m = HEADING.exec(compact(l.text));
  if (!m) return false;
  const name = m[2]!.trim();
  return spec.page.headingNames.includes(name) || ([...name].length <= 6 && !/[、。，．！？]/.test(name));
}

/** A heading printed on one line with its text ("1.概要 ・2020年…") → the heading and the text. */
function splitHeading(l: Line, spec: GuidebookSpec): Line[] {
  if (l.runs.length < 2 || isHeading(l, spec)) return [l];
  const first = l.runs[0]!;
  const head = { ...l, text: first.text, box: first.box, runs: [first] };
  if (!isHeading(head, spec)) return [l];
  const rest = l.runs.slice(1);
  return [head, { ...l, text: rest.map((r) => r.text).join(" "), box: rest.map((r) => r.box).reduce(union), runs: rest }];
}

/** A table as units: one per cell, in row order, each cell's lines joined. */
function tableUnits(t: PageTable, page: Page): Unit[] {
  return [...t.cells]
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .filter((c) => c.text.trim() !== "")
    .map((c) => {
      const runs = page.runs.filter((r) => contains(c.box, centre(r.box)));
      // A cell is one value, however it wraps: its paragraphs joined by line breaks.
      return runs.length > 0 ? joinUnits(paragraphs(groupLines(runs)), "\n") : lineUnit({ text: c.text, box: c.box });
    });
}

