/**
 * pdf.js text content → {@link TextRun}s in page coordinates, repaired.
 */
import type { TextContent, TextItem, TextStyle } from "pdfjs-dist/types/src/display/api.js";
import { collapseDoubledGlyphs, repairText } from "../text/repair.js";
import { dropFakeBoldCopies } from "../text/fakeBold.js";
import { apply, round2, scaleOf, type Matrix } from "./geometry.js";
import type { Box, TextRun } from "./types.js";

const DEFAULT_ASCENT = 0.88;
const DEFAULT_DESCENT = -0.12;

/** Font metrics as pdf.js reports them, kept to sane bounds (some fonts lie). */
function metrics(style: TextStyle | undefined): { ascent: number; descent: number } {
  let ascent = style?.ascent ?? 0;
  let descent = style?.descent ?? 0;
  if (!(ascent >= 0.5 && ascent <= 1.2)) ascent = DEFAULT_ASCENT;
  if (!(descent <= 0 && descent >= -0.5)) descent = DEFAULT_DESCENT;
  // Keep the box one em tall: cell assignment uses its centre.
  const scale = 1 / (ascent - descent);
  return { ascent: ascent * scale, descent: descent * scale };
}

function bbox(points: [number, number][]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of points) {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return { x0: round2(x0), y0: round2(y0), x1: round2(x1), y1: round2(y1) };
}

/**
 * Converts one page's text content. `pageTransform` maps user space to the displayed
 * page (pdf.js viewport.transform at scale 1); `fontName` resolves pdf.js's font ids
 * to the PDF's own font names.
 */
export function textRuns(content: TextContent, pageTransform: Matrix, fontName: (id: string) => string): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!("str" in item)) continue;
    const run = toRun(item, content.styles[item.fontName], pageTransform, fontName);
    if (run) runs.push(run);
  }
  return dropFakeBoldCopies(runs);
}

function toRun(
  item: TextItem,
  style: TextStyle | undefined,
  pageTransform: Matrix,
  fontName: (id: string) => string,
): TextRun | null {
  const raw = item.str;
  if (raw.trim() === "") return null;
  const t = item.transform as number[];
  const along = Math.hypot(t[0]!, t[1]!);
  const up = Math.hypot(t[2]!, t[3]!);
  if (along === 0 || up === 0) return null;
  // Unit vectors in user space along the baseline and towards the top of the glyphs.
  const u: [number, number] = [t[0]! / along, t[1]! / along];
  const v: [number, number] = [t[2]! / up, t[3]! / up];
  const [ox, oy] = [t[4]!, t[5]!];
  const vertical = style?.vertical === true;
  const corner = (a: number, b: number): [number, number] =>
    apply(pageTransform as Matrix, ox + u[0] * a + v[0] * b, oy + u[1] * a + v[1] * b);
  let points: [number, number][];
  let size: number;
  let advance: number;
  if (!vertical) {
    size = up;
    advance = item.width;
    const { ascent, descent } = metrics(style);
    points = [corner(0, descent * size), corner(advance, descent * size), corner(0, ascent * size), corner(advance, ascent * size)];
  } else {
    // Vertical writing: the origin is the top centre of the first glyph; text runs downwards.
    size = along;
    advance = item.height;
    points = [corner(-size / 2, 0), corner(size / 2, 0), corner(-size / 2, -advance), corner(size / 2, -advance)];
  }
  const text = collapseDoubledGlyphs(repairText(raw), advance, size).trim();
  if (text === "") return null;
  return {
    text,
    raw,
    box: bbox(points),
    font: fontName(item.fontName),
    size: round2(size * scaleOf(pageTransform)),
    vertical,
  };
}
