import type { Box } from "../model/page.js";

/** 2-D affine matrices in PDF order [a, b, c, d, e, f]: (x, y) → (a·x + c·y + e, b·x + d·y + f). */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 × m2: apply m2 first, then m1 (the order pdf.js's Util.transform uses). */
export function multiply(m1: ArrayLike<number>, m2: ArrayLike<number>): Matrix {
  // Indexed, not destructured: destructuring walks an iterator, and this runs per text show.
  const a1 = m1[0]!, b1 = m1[1]!, c1 = m1[2]!, d1 = m1[3]!, e1 = m1[4]!, f1 = m1[5]!;
  const a2 = m2[0]!, b2 = m2[1]!, c2 = m2[2]!, d2 = m2[3]!, e2 = m2[4]!, f2 = m2[5]!;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Mean scale factor of a matrix (for line widths). */
export function scaleOf(m: Matrix): number {
  return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
}

/** Rounds to 1/100 pt so output is stable and small. */
export function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** The middle of a box. */
export function centre(b: Box): { x: number; y: number } {
  return { x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2 };
}

/** True when the point lies in the box (edges included). */
export function contains(outer: Box, p: { x: number; y: number }): boolean {
  return p.x >= outer.x0 && p.x <= outer.x1 && p.y >= outer.y0 && p.y <= outer.y1;
}

/** The smallest box holding both. */
export function union(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

/** The inverse of a matrix, or null when it has none (it flattens the plane). */
export function invert(m: Matrix): Matrix | null {
  const det = m[0] * m[3] - m[1] * m[2];
  if (!det || !Number.isFinite(det)) return null;
  const a = m[3] / det, b = -m[1] / det, c = -m[2] / det, d = m[0] / det;
  return [a, b, c, d, -(a * m[4] + c * m[5]), -(b * m[4] + d * m[5])];
}
