/**
 * Text painted over: a glyph under an opaque shape that the page paints later, in content
 * order, cannot be seen (an old contact badge under the new one, a white rectangle laid
 * over a line that was withdrawn). The content interpreter (./content.ts) records every
 * opaque fill with how many glyphs were shown before it; {@link coveredGlyphs} marks the
 * glyphs each fill hides.
 *
 * What counts as covering: a fill (f, f*, B, B*: not a stroke, not a path that only sets
 * the clip) in a solid colour — white included, it hides what is under it — at fill alpha
 * 1, without a soft mask, in the Normal blend mode, outside a transparency group with a
 * soft mask. Patterns and shadings are taken as not covering (they may be transparent).
 * Fills painted before a glyph (cell shading, a badge behind its text) hide nothing.
 *
 * Decided per glyph: a glyph is covered when the middle of its box (the part of the box
 * inside the glyph's own clip) and at least six of nine points spread over it (a 3 × 3
 * grid at 1/6, 1/2 and 5/6 of its width and height) lie inside the fill (its subpaths with
 * their fill rule, curves flattened) and inside the clip the fill was painted in. A box is
 * an em, not the ink: a full-width bracket inks one half of it, so a bracket whose other
 * half sticks out from under a shape is covered. A run partly covered keeps the glyphs
 * that can be seen; a glyph with its middle outside a shape is kept.
 */
import { CLIP, GlyphList, STRIDE, VISIBLE, X0, X1, Y0, Y1 } from "./glyphs.js";
import type { Box } from "../model/page.js";

/** An opaque fill as painted: its subpaths in page coordinates and what was shown before it. */
export interface Cover {
  /** Glyphs shown before the fill (indices 0 … before − 1 of the page's GlyphList). */
  before: number;
  /** Each subpath as x0, y0, x1, y1, … in page coordinates (closed implicitly, as a fill is). */
  polygons: Float64Array[];
  evenOdd: boolean;
  /** Bounding box of the fill inside its clip. */
  box: Box;
}

/** A fill smaller than this (points) either way covers no glyph worth asking about. */
const MIN_COVER_SIDE = 2;
/** Steps a curve is flattened into. */
const CURVE_STEPS = 8;

// pdf.js's path encoding inside constructPath (DrawOPS).
export const MOVE_TO = 0;
export const LINE_TO = 1;
export const CURVE_TO = 2;
export const QUAD_TO = 3;
export const CLOSE = 4;

/** A path's subpaths flattened into polygons in page coordinates (matrix m), each with whether it has a curve and is closed. */
export interface Flattened {
  points: Float64Array;
  curved: boolean;
  closed: boolean;
}

/**
 * A path (pdf.js's constructPath data) flattened: every subpath a polygon in page
 * coordinates, curves in {@link CURVE_STEPS} steps; null when its encoding is not understood.
 */
export function flatten(data: ArrayLike<number>, m: readonly number[]): Flattened[] | null {
  const polygons: Flattened[] = [];
  let curved = false;
  let cur: number[] = [];
  let lastX = 0, lastY = 0;
  let startX = 0, startY = 0;
  const a = m[0]!, b = m[1]!, c = m[2]!, d = m[3]!, e = m[4]!, f = m[5]!;
  const push = (x: number, y: number) => {
    cur.push(a * x + c * y + e, b * x + d * y + f);
    lastX = x;
    lastY = y;
  };
  const end = (closed = false) => {
    if (cur.length >= 6) polygons.push({ points: Float64Array.from(cur), curved, closed });
    cur = [];
    curved = false;
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE_TO) {
      end();
      startX = data[i]!;
      startY = data[i + 1]!;
      push(startX, startY);
      i += 2;
    } else if (op === LINE_TO) {
      if (cur.length === 0) push(lastX, lastY);
      push(data[i]!, data[i + 1]!);
      i += 2;
    } else if (op === CURVE_TO) {
      if (cur.length === 0) push(lastX, lastY);
      curved = true;
      const x0 = lastX, y0 = lastY;
      const [x1, y1, x2, y2, x3, y3] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!, data[i + 4]!, data[i + 5]!];
      for (let k = 1; k <= CURVE_STEPS; k++) {
        const t = k / CURVE_STEPS, u = 1 - t;
        push(u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3, u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3);
      }
      i += 6;
    } else if (op === QUAD_TO) {
      if (cur.length === 0) push(lastX, lastY);
      curved = true;
      const x0 = lastX, y0 = lastY;
      const [x1, y1, x2, y2] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
      for (let k = 1; k <= CURVE_STEPS; k++) {
        const t = k / CURVE_STEPS, u = 1 - t;
        push(u * u * x0 + 2 * u * t * x1 + t * t * x2, u * u * y0 + 2 * u * t * y1 + t * t * y2);
      }
      i += 4;
    } else if (op === CLOSE) {
      // The subpath ends; a segment after it starts a new one where this one started.
      end(true);
      lastX = startX;
      lastY = startY;
    } else return null; // unknown encoding: do not guess
  }
  end();
  return polygons;
}

/** The bounding box of a polygon's points (x0, y0, x1, y1, …). */
export function polygonBox(p: Float64Array): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let k = 0; k < p.length; k += 2) {
    x0 = Math.min(x0, p[k]!);
    x1 = Math.max(x1, p[k]!);
    y0 = Math.min(y0, p[k + 1]!);
    y1 = Math.max(y1, p[k + 1]!);
  }
  return { x0, y0, x1, y1 };
}

/**
 * An opaque fill as a {@link Cover}, or null when it is too small to cover anything or
 * its path's encoding is not understood.
 */
export function coverOf(data: ArrayLike<number>, m: readonly number[], evenOdd: boolean, before: number, clip: Box | null): Cover | null {
  const polygons = flatten(data, m)?.map((f) => f.points) ?? [];
  if (polygons.length === 0) return null;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of polygons) {
    for (let k = 0; k < p.length; k += 2) {
      x0 = Math.min(x0, p[k]!);
      x1 = Math.max(x1, p[k]!);
      y0 = Math.min(y0, p[k + 1]!);
      y1 = Math.max(y1, p[k + 1]!);
    }
  }
  if (clip) {
    x0 = Math.max(x0, clip.x0);
    y0 = Math.max(y0, clip.y0);
    x1 = Math.min(x1, clip.x1);
    y1 = Math.min(y1, clip.y1);
  }
  if (x1 - x0 < MIN_COVER_SIDE || y1 - y0 < MIN_COVER_SIDE) return null;
  return { before, polygons, evenOdd, box: { x0, y0, x1, y1 } };
}

/** Whether (x, y) is inside the fill: nonzero winding or even-odd over all its subpaths. */
function inside(cover: Cover, x: number, y: number): boolean {
  const b = cover.box;
  if (x < b.x0 || x > b.x1 || y < b.y0 || y > b.y1) return false;
  let winding = 0;
  let crossings = 0;
  for (const p of cover.polygons) {
    const n = p.length;
    for (let k = 0; k < n; k += 2) {
      const ax = p[k]!, ay = p[k + 1]!;
      const bx = p[(k + 2) % n]!, by = p[(k + 3) % n]!;
      if ((ay <= y) !== (by <= y)) {
        const xi = ax + ((y - ay) * (bx - ax)) / (by - ay);
        if (xi > x) {
          crossings++;
          winding += by > ay ? 1 : -1;
        }
      }
    }
  }
  return cover.evenOdd ? crossings % 2 === 1 : winding !== 0;
}

/** The points of a glyph's box asked about, as fractions of its width and height: a 3 × 3 grid, the middle first. */
const SAMPLES: readonly (readonly [number, number])[] = [
  [0.5, 0.5],
  ...[1 / 6, 0.5, 5 / 6].flatMap((fy) => [1 / 6, 0.5, 5 / 6].map((fx) => [fx, fy] as const)).filter(([fx, fy]) => fx !== 0.5 || fy !== 0.5),
];
/** How many of the nine points must be under the fill (the middle one always). */
const COVERED_POINTS = 6;

/**
 * Which glyphs are covered by a fill painted after them: 1 at the index of each, or null
 * when none is. Glyphs already out of sight (clipped, off the page) are not asked about.
 */
export function coveredGlyphs(glyphs: GlyphList, covers: readonly Cover[]): Uint8Array | null {
  let out: Uint8Array | null = null;
  const d = glyphs.data;
  for (const cover of covers) {
    const b = cover.box;
    for (let i = 0, at = 0; i < cover.before; i++, at += STRIDE) {
      if (d[at + VISIBLE] !== 1 || out?.[i] === 1) continue;
      let gx0 = d[at + X0]!, gy0 = d[at + Y0]!, gx1 = d[at + X1]!, gy1 = d[at + Y1]!;
      // Only the part of the glyph its own clip lets be seen can be covered.
      const clip = d[at + CLIP]! >= 0 ? glyphs.clips[d[at + CLIP]!] : undefined;
      if (clip) {
        gx0 = Math.max(gx0, clip.x0);
        gy0 = Math.max(gy0, clip.y0);
        gx1 = Math.min(gx1, clip.x1);
        gy1 = Math.min(gy1, clip.y1);
        if (gx1 <= gx0 || gy1 <= gy0) continue;
      }
      // Quick rejection: the glyph's box must overlap the fill's box.
      if (gx1 < b.x0 || gx0 > b.x1 || gy1 < b.y0 || gy0 > b.y1) continue;
      const w = gx1 - gx0, h = gy1 - gy0;
      let under = 0;
      for (let k = 0; k < SAMPLES.length; k++) {
        const [fx, fy] = SAMPLES[k]!;
        if (inside(cover, gx0 + fx * w, gy0 + fy * h)) under++;
        else if (k === 0 || under + SAMPLES.length - 1 - k < COVERED_POINTS) break;
      }
      if (under >= COVERED_POINTS) (out ??= new Uint8Array(glyphs.length))[i] = 1;
    }
  }
  return out;
}
