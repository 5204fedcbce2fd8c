/**
 * One pass over a page's pdf.js operator list, as a renderer would make it: the
 * graphics state (transform, clip, colours, line width) and the text state are
 * tracked, and what is painted comes out as
 *
 * - glyphs: one per character shown, with its box, baseline origin and direction in
 *   page coordinates, and whether it can be seen (inside the clip and the page);
 * - paths: stroked segments and filled subpaths, for the ruling lines.
 *
 * Reading glyphs here rather than through pdf.js's getTextContent parses each content
 * stream once instead of twice, and lets clipped text (a merged cell's copy that a
 * spreadsheet hides on the next page) be told from visible text.
 */
import { OPS } from "./pdfjs.js";
import { apply, IDENTITY, multiply, scaleOf, type Matrix } from "./geometry.js";
import { GlyphList } from "./glyphs.js";
import type { Box } from "../model/page.js";
import { pushAll } from "../bounded.js";
// pdf.js's path encoding inside constructPath (DrawOPS): MOVE_TO … CLOSE.
import { CLOSE, type Cover, coverOf, CURVE_TO, flatten, LINE_TO, MOVE_TO, polygonBox, QUAD_TO } from "./occlusion.js";

export type { Glyph } from "./glyphs.js";

/** What kohyo needs of a pdf.js font object (a FontFaceObject in page.commonObjs). */
export interface FontInfo {
  name: string;
  vertical: boolean;
  ascent: number;
  descent: number;
  fontMatrix: readonly number[];
  defaultVMetrics: readonly number[] | null;
  /** pdf.js stood a default font in for this one (the file lacks it or has it broken): its text is likely garbage. */
  standIn?: boolean;
}

/** pdf.js's glyph as it arrives in showText. */
interface PdfJsGlyph {
  unicode: string;
  width: number;
  isSpace: boolean;
  vmetric?: readonly number[] | null;
}

export interface Segment {
  kind: "stroke" | "fill";
  /** Points of one subpath in page coordinates; `closed` adds the closing side. */
  points: [number, number][];
  closed: boolean;
  curved: boolean;
  /** Stroke width in points (stroke only). */
  width: number;
  /** The clip in force when it was painted (bounding box, page coordinates); absent = the whole page. */
  clip?: Box;
}

export interface PageContent {
  /** Every glyph shown, in drawing order (GlyphList.toArray gives them as objects). */
  glyphs: GlyphList;
  segments: Segment[];
  images: number;
  /** Glyphs shown in text render mode 3 or 7 (neither filled nor stroked: an OCR layer under a scan). */
  invisible: number;
  /** Glyphs drawn with a font pdf.js stood a default one in for (see FontInfo.standIn). */
  standIn: number;
  /** The images painted, where and how, in drawing order (see ./images.ts). */
  placed: PlacedImage[];
  /** The opaque fills painted after some text, which may hide it (see ./occlusion.ts). */
  covers: Cover[];
  /**
   * Shapes with curved sides (a rounded badge, a rounded frame): the bounding box of each
   * such filled or closed stroked subpath, inside its clip. `segments` cut a subpath at each
   * curve, so these are the whole shapes for the page's areas.
   */
  shapes: Box[];
}

/**
 * An image as painted: pdf.js's reference to its pixels and the matrix that maps the unit
 * square of image space onto the page (top-left origin, points). An image mask (a stencil)
 * paints its opaque pixels in the fill colour, `fill`, as gray 0–255.
 */
export interface PlacedImage {
  kind: "image" | "mask";
  /** pdf.js's object id of the decoded image, or the decoded image itself (inline images, small masks). */
  ref: unknown;
  width: number;
  height: number;
  matrix: Matrix;
  fill: number;
}

const DEFAULT_ASCENT = 0.88;
const DEFAULT_DESCENT = -0.12;
/** How far (points) outside the clip or page a glyph's centre may be and still count as seen. */
const VISIBLE_SLACK = 1;


const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const EO_FILL_OPS = new Set<number>([OPS.eoFill, OPS.eoFillStroke, OPS.closeEOFillStroke]);
const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObjectGroup,
]);

interface TextState {
  font: FontInfo | null;
  fontSize: number;
  fontDirection: 1 | -1;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  /** Text render mode (Tr): 3 and 7 paint nothing. */
  renderMode: number;
}

interface GState {
  ctm: Matrix;
  lineWidth: number;
  strokeVisible: boolean;
  fillVisible: boolean;
  /** The fill colour as gray 0–255 (what an image mask paints). */
  fillGray: number;
  /**
   * A fill now hides what is under it: a solid colour (white too), fill alpha 1, no soft
   * mask, the Normal blend mode, not inside a transparency group with a soft mask.
   */
  fillSolid: boolean;
  fillAlpha: number;
  softMask: boolean;
  blendNormal: boolean;
  /** Visible area in page coordinates (bounding box of the clip path), null = whole page. */
  clip: Box | null;
  text: TextState;
}

/** Gray 0–255 of a pdf.js colour ("#rrggbb"); black for anything else. */
function grayOf(color: unknown): number {
  if (typeof color !== "string" || !/^#[0-9a-f]{6}$/i.test(color)) return 0;
  const v = (i: number) => parseInt(color.slice(i, i + 2), 16);
  return Math.round(0.299 * v(1) + 0.587 * v(3) + 0.114 * v(5));
}

function isInvisible(color: unknown): boolean {
  if (typeof color !== "string") return false; // patterns and the like: assume visible
  const c = color.toLowerCase();
  return c === "transparent" || c === "#ffffff" || c === "#fff";
}

function intersect(a: Box | null, b: Box): Box {
  if (!a) return b;
  return { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) };
}

/** A matrix copied from pdf.js's arguments (an array or a typed array). */
const matrixOf = (a: ArrayLike<number>): Matrix => [a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!];

/** Where {@link placeBox} puts a box: x0, y0, x1, y1. */
const PLACED = new Float64Array(4);

/** Bounding box in page coordinates of a user-space rectangle under matrix m, into PLACED (no allocation: once per glyph). */
function placeBox(m: Matrix, x0: number, y0: number, x1: number, y1: number): void {
  const a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5];
  // x and y of each corner split into their two terms: a·x + c·y + e, b·x + d·y + f.
  const ax0 = a * x0, ax1 = a * x1, cy0 = c * y0, cy1 = c * y1;
  const bx0 = b * x0, bx1 = b * x1, dy0 = d * y0, dy1 = d * y1;
  PLACED[0] = Math.min(ax0, ax1) + Math.min(cy0, cy1) + e;
  PLACED[1] = Math.min(bx0, bx1) + Math.min(dy0, dy1) + f;
  PLACED[2] = Math.max(ax0, ax1) + Math.max(cy0, cy1) + e;
  PLACED[3] = Math.max(bx0, bx1) + Math.max(dy0, dy1) + f;
}

/** Bounding box in page coordinates of a user-space rectangle under matrix m. */
function boxOf(m: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
  placeBox(m, x0, y0, x1, y1);
  return { x0: PLACED[0]!, y0: PLACED[1]!, x1: PLACED[2]!, y1: PLACED[3]! };
}

function subpaths(data: ArrayLike<number>, m: Matrix, kind: Segment["kind"], width: number): Segment[] {
  const out: Segment[] = [];
  let cur: Segment | null = null;
  const start = (p: [number, number], curved: boolean) => {
    cur = { kind, points: [p], closed: false, curved, width };
    out.push(cur);
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE_TO) {
      start(apply(m, data[i]!, data[i + 1]!), false);
      i += 2;
    } else if (op === LINE_TO) {
      const p = apply(m, data[i]!, data[i + 1]!);
      if (cur) (cur as Segment).points.push(p);
      else start(p, false);
      i += 2;
    } else if (op === CURVE_TO || op === QUAD_TO) {
      const n = op === CURVE_TO ? 6 : 4;
      // A curve is no rule: mark the subpath and go on straight from its end point.
      if (cur) (cur as Segment).curved = true;
      start(apply(m, data[i + n - 2]!, data[i + n - 1]!), true);
      i += n;
    } else if (op === CLOSE) {
      if (cur) (cur as Segment).closed = true;
    } else break; // unknown encoding: stop rather than misread
  }
  return out;
}

/**
 * Interprets an operator list. `pageTransform` maps user space to the displayed page
 * (pdf.js viewport.transform at scale 1); `font` resolves pdf.js font ids.
 */
export function interpret(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  pageTransform: Matrix,
  page: { width: number; height: number },
  font: (id: string) => FontInfo | null,
): PageContent {
  const glyphs = new GlyphList();
  const segments: Segment[] = [];
  let images = 0;
  const placed: PlacedImage[] = [];
  const counts = { invisible: 0, standIn: 0 };
  const covers: Cover[] = [];
  const shapes: Box[] = [];
  let gs: GState = {
    ctm: pageTransform,
    lineWidth: 1,
    strokeVisible: true,
    fillVisible: true,
    fillGray: 0,
    fillSolid: true,
    fillAlpha: 1,
    softMask: false,
    blendNormal: true,
    clip: null,
    text: { font: null, fontSize: 0, fontDirection: 1, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0, renderMode: 0 },
  };
  const stack: GState[] = [];
  const save = () => {
    stack.push(gs);
    gs = { ...gs, text: { ...gs.text } };
  };
  const restore = () => {
    gs = stack.pop() ?? gs;
  };
  // Text object state (not part of the graphics state in PDF).
  let tm: Matrix = IDENTITY;
  let lineX = 0, lineY = 0, tx = 0, ty = 0;
  let pendingClip = false;
  const moveText = (x: number, y: number) => {
    tx = lineX += x;
    ty = lineY += y;
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as any[] | null;
    switch (fn) {
      case OPS.save:
        save();
        break;
      case OPS.restore:
        restore();
        break;
      case OPS.transform:
        gs.ctm = multiply(gs.ctm, args as unknown as Matrix);
        break;
      case OPS.paintFormXObjectBegin: {
        save();
        if (args?.[0]) gs.ctm = multiply(gs.ctm, args[0] as Matrix);
        const bbox = args?.[1] as number[] | null;
        if (bbox && bbox.length === 4) gs.clip = intersect(gs.clip, boxOf(gs.ctm, bbox[0]!, bbox[1]!, bbox[2]!, bbox[3]!));
        break;
      }
      case OPS.paintFormXObjectEnd:
        restore();
        break;
      case OPS.beginGroup:
        // A transparency group: what it paints with a soft mask is not opaque.
        save();
        if ((args?.[0] as { smask?: unknown } | undefined)?.smask) gs.softMask = true;
        break;
      case OPS.endGroup:
        restore();
        break;
      case OPS.beginAnnotation: {
        // [id, rect, transform, matrix, hasOwnCanvas]: the appearance stream drawn into rect.
        save();
        const rect = args?.[1] as number[] | null;
        if (rect && rect.length === 4) gs.clip = intersect(gs.clip, boxOf(gs.ctm, rect[0]!, rect[1]!, rect[2]!, rect[3]!));
        if (args?.[2]) gs.ctm = multiply(gs.ctm, args[2] as Matrix);
        if (args?.[3]) gs.ctm = multiply(gs.ctm, args[3] as Matrix);
        break;
      }
      case OPS.endAnnotation:
        restore();
        break;
      case OPS.setLineWidth:
        gs.lineWidth = Number(args?.[0] ?? 1);
        break;
      case OPS.setGState:
        for (const [key, value] of (args?.[0] ?? []) as [string, unknown][]) {
          if (key === "LW") gs.lineWidth = Number(value);
          else if (key === "ca") gs.fillAlpha = Number(value);
          else if (key === "SMask") gs.softMask = value !== false;
          else if (key === "BM") gs.blendNormal = value === "source-over" || value === "Normal";
        }
        break;
      case OPS.setStrokeRGBColor:
        gs.strokeVisible = !isInvisible(args?.[0]);
        break;
      case OPS.setFillRGBColor:
        gs.fillVisible = !isInvisible(args?.[0]);
        gs.fillGray = grayOf(args?.[0]);
        gs.fillSolid = typeof args?.[0] === "string" && args[0] !== "transparent";
        break;
      case OPS.setStrokeTransparent:
        gs.strokeVisible = false;
        break;
      case OPS.setFillTransparent:
        gs.fillVisible = false;
        gs.fillSolid = false;
        break;
      case OPS.setStrokeColorN:
        gs.strokeVisible = true;
        break;
      case OPS.setFillColorN:
        gs.fillVisible = true;
        gs.fillSolid = false; // a pattern or shading: maybe transparent
        break;
      case OPS.clip:
      case OPS.eoClip:
        pendingClip = true;
        break;
      case OPS.constructPath: {
        const paintOp = args?.[0] as number;
        const data = (args?.[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | null | undefined;
        const minMax = args?.[2] as ArrayLike<number> | null | undefined;
        if (pendingClip) {
          pendingClip = false;
          if (minMax && minMax.length === 4 && Number.isFinite(minMax[0])) {
            gs.clip = intersect(gs.clip, boxOf(gs.ctm, minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!));
          }
        }
        if (!data) break;
        const painted = segments.length;
        if (STROKE_OPS.has(paintOp) && gs.strokeVisible) {
          pushAll(segments, subpaths(data, gs.ctm, "stroke", gs.lineWidth * scaleOf(gs.ctm)));
        }
        if (FILL_OPS.has(paintOp) && gs.fillVisible) pushAll(segments, subpaths(data, gs.ctm, "fill", 0));
        if (gs.clip) for (let k = painted; k < segments.length; k++) segments[k]!.clip = gs.clip;
        const filled = FILL_OPS.has(paintOp) && gs.fillVisible;
        if ((filled || (STROKE_OPS.has(paintOp) && gs.strokeVisible)) && segments.slice(painted).some((sp) => sp.curved)) {
          for (const sp of flatten(data, gs.ctm) ?? []) {
            if (!sp.curved || (!filled && !sp.closed)) continue;
            const b = gs.clip ? intersect(gs.clip, polygonBox(sp.points)) : polygonBox(sp.points);
            if (b.x1 > b.x0 && b.y1 > b.y0) shapes.push(b);
          }
        }
        if (FILL_OPS.has(paintOp) && glyphs.length > 0 && gs.fillSolid && gs.fillAlpha >= 1 && !gs.softMask && gs.blendNormal) {
          const cover = coverOf(data, gs.ctm, EO_FILL_OPS.has(paintOp), glyphs.length, gs.clip);
          if (cover) covers.push(cover);
        }
        break;
      }
      // ---- text
      case OPS.beginText:
        tm = IDENTITY;
        lineX = lineY = tx = ty = 0;
        break;
      case OPS.setFont: {
        const size = Number(args?.[1] ?? 0);
        gs.text.font = font(String(args?.[0]));
        gs.text.fontSize = Math.abs(size);
        gs.text.fontDirection = size < 0 ? -1 : 1;
        break;
      }
      case OPS.setTextMatrix:
        tm = matrixOf(args?.[0] as ArrayLike<number>);
        lineX = lineY = tx = ty = 0;
        break;
      case OPS.moveText:
        moveText(Number(args?.[0]), Number(args?.[1]));
        break;
      case OPS.setLeadingMoveText:
        gs.text.leading = Number(args?.[1]);
        moveText(Number(args?.[0]), Number(args?.[1]));
        break;
      case OPS.setLeading:
        gs.text.leading = -Number(args?.[0]);
        break;
      case OPS.nextLine:
        moveText(0, gs.text.leading);
        break;
      case OPS.setCharSpacing:
        gs.text.charSpacing = Number(args?.[0]);
        break;
      case OPS.setWordSpacing:
        gs.text.wordSpacing = Number(args?.[0]);
        break;
      case OPS.setHScale:
        gs.text.hScale = Number(args?.[0]) / 100;
        break;
      case OPS.setTextRise:
        gs.text.rise = Number(args?.[0]);
        break;
      case OPS.setTextRenderingMode:
        gs.text.renderMode = Number(args?.[0]) & 7;
        break;
      case OPS.showText: {
        const before = glyphs.length;
        const adv = showText(args?.[0] as (PdfJsGlyph | number)[], gs, multiply(gs.ctm, tm), tx, ty, page, glyphs);
        if (gs.text.renderMode === 3 || gs.text.renderMode === 7) counts.invisible += glyphs.length - before;
        if (gs.text.font?.standIn) counts.standIn += glyphs.length - before;
        if (gs.text.font?.vertical) ty -= adv;
        else tx += adv * gs.text.hScale * gs.text.fontDirection;
        break;
      }
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject: {
        images++;
        const mask = fn === OPS.paintImageMaskXObject;
        // [objId, width, height] for an XObject; [the decoded image] inline or for a mask.
        const ref = args?.[0];
        const size = (fn === OPS.paintImageXObject ? { width: args?.[1], height: args?.[2] } : args?.[0]) as { width?: unknown; height?: unknown } | null;
        const width = Number(size?.width), height = Number(size?.height);
        if (ref != null && width > 0 && height > 0) placed.push({ kind: mask ? "mask" : "image", ref, width, height, matrix: gs.ctm, fill: gs.fillGray });
        break;
      }
      default:
        if (IMAGE_OPS.has(fn)) images++;
        break;
    }
  }
  return { glyphs, segments, images, invisible: counts.invisible, standIn: counts.standIn, placed, covers, shapes };
}

/**
 * Places one showText's glyphs (the arithmetic of pdf.js's canvas renderer) and returns
 * the advance in text space: along x for horizontal fonts, down y for vertical ones.
 */
function showText(
  items: (PdfJsGlyph | number)[] | undefined,
  gs: GState,
  m: Matrix,
  tx: number,
  ty: number,
  page: { width: number; height: number },
  out: GlyphList,
): number {
  const t = gs.text;
  const f = t.font;
  if (!items || !f || t.fontSize === 0) return 0;
  const fs = t.fontSize;
  const vertical = f.vertical;
  const hs = t.hScale * t.fontDirection;
  const unit = fs * (f.fontMatrix[0] ?? 0.001);
  const { ascent, descent } = metrics(f);
  const y = ty + t.rise;
  const ma = m[0], mb = m[1], mc = m[2], md = m[3], me = m[4], mf = m[5];
  // Writing direction and displayed size, the same for every glyph of this show: the
  // origin, one unit along the writing direction and one up, in page space (the matrix
  // applied by hand: this runs once per show).
  const ax = ma * tx + mc * y + me, ay = mb * tx + md * y + mf;
  const lx = vertical ? tx : tx + 1, ly = vertical ? y - 1 : y;
  const alongX0 = ma * lx + mc * ly + me, alongY0 = mb * lx + md * ly + mf;
  const upX = ma * tx + mc * (y + 1) + me, upY = mb * tx + md * (y + 1) + mf;
  const dLen = Math.hypot(alongX0 - ax, alongY0 - ay) || 1;
  const dx = (alongX0 - ax) / dLen;
  const dy = (alongY0 - ay) / dLen;
  const size = fs * Math.hypot(upX - ax, upY - ay);
  const clip = gs.clip;
  // Length of a unit step along x and along y of text space, in page space.
  const alongX = Math.hypot(ma, mb);
  const alongY = Math.hypot(mc, md);
  const show = out.startShow(dx, dy, size, f.name, vertical);
  const clipAt = out.clipIndex(clip);
  let x = 0;
  for (const g of items) {
    if (typeof g === "number") {
      x += (vertical ? 1 : -1) * g * fs / 1000;
      continue;
    }
    const spacing = (g.isSpace ? t.wordSpacing : 0) + t.charSpacing;
    // Origin and advance are the matrix applied by hand, without arrays: this runs once
    // per character of the document.
    let ox: number;
    let oy: number;
    let advance: number;
    let width: number;
    if (!vertical) {
      width = g.width * unit;
      const x0 = tx + x * hs;
      const x1 = tx + (x + width) * hs;
      ox = ma * x0 + mc * y + me;
      oy = mb * x0 + md * y + mf;
      advance = Math.abs(x1 - x0) * alongX;
      placeBox(m, x0, y + descent * fs, x1, y + ascent * fs);
      x += width + spacing * t.fontDirection;
    } else {
      const vm = g.vmetric ?? f.defaultVMetrics;
      width = (vm ? -(vm[0] ?? -1000) : g.width) * unit;
      const top = y - x;
      ox = ma * tx + mc * top + me;
      oy = mb * tx + md * top + mf;
      advance = Math.abs(width) * alongY;
      const half = fs / 2;
      placeBox(m, tx - half, top - width, tx + half, top);
      x += width - spacing * t.fontDirection;
    }
    const bx0 = PLACED[0]!, by0 = PLACED[1]!, bx1 = PLACED[2]!, by1 = PLACED[3]!;
    const cx = (bx0 + bx1) / 2;
    const cy = (by0 + by1) / 2;
    const s = VISIBLE_SLACK;
    const onPage = cx >= -s && cy >= -s && cx <= page.width + s && cy <= page.height + s;
    const inClip = !clip || (cx >= clip.x0 - s && cx <= clip.x1 + s && cy >= clip.y0 - s && cy <= clip.y1 + s);
    out.add(g.unicode, bx0, by0, bx1, by1, ox, oy, advance, show, onPage && inClip, clipAt);
  }
  return x;
}

/** Each font's metrics, worked out once (a font is shown hundreds of times a page). */
const METRICS = new WeakMap<FontInfo, { ascent: number; descent: number }>();

/** Font metrics as pdf.js reports them, kept to sane bounds and one em tall. */
function metrics(f: FontInfo): { ascent: number; descent: number } {
  const known = METRICS.get(f);
  if (known) return known;
  let ascent = f.ascent;
  let descent = f.descent;
  if (!(ascent >= 0.5 && ascent <= 1.2)) ascent = DEFAULT_ASCENT;
  if (!(descent <= 0 && descent >= -0.5)) descent = DEFAULT_DESCENT;
  const scale = 1 / (ascent - descent);
  const m = { ascent: ascent * scale, descent: descent * scale };
  METRICS.set(f, m);
  return m;
}
