/**
 * Ruling lines: stroked horizontal/vertical segments and thin filled rectangles (from
 * content.ts, transform applied, invisible paint and clipping paths already left out),
 * merged where they touch. Curves are never rules.
 */
import type { Segment } from "./content.js";
import { round2 } from "./geometry.js";
import type { Box, Link, Rule } from "../model/page.js";

/** A filled rectangle no thicker than this (points) is a line, not a shaded area. */
export const MAX_RULE_THICKNESS = 3;
/** A segment this far (points) from exactly horizontal/vertical still counts as one. */
const AXIS_TOLERANCE = 0.5;
/** Rules shorter than this after merging are specks, not lines. */
const MIN_RULE_LENGTH = 1;
/** Collinear rules whose ends are this close (points) are one rule. */
const JOIN_GAP = 1;

type Point = [number, number];

function segmentRule(a: Point, b: Point, thickness: number): Rule | null {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= AXIS_TOLERANCE && dx > 0) {
    return { axis: "h", pos: (a[1] + b[1]) / 2, start: Math.min(a[0], b[0]), end: Math.max(a[0], b[0]), thickness };
  }
  if (dx <= AXIS_TOLERANCE && dy > 0) {
    return { axis: "v", pos: (a[0] + b[0]) / 2, start: Math.min(a[1], b[1]), end: Math.max(a[1], b[1]), thickness };
  }
  return null;
}

/** A filled subpath that is an axis-aligned rectangle thin enough to be a line. */
function thinRectRule(points: Point[]): Rule | null {
  if (points.length < 2 || points.length > 5) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  // Every corner must sit on the bounding box: a rectangle, not a slanted shape.
  const onBox = points.every(
    (p) =>
      (Math.abs(p[0] - x0) <= AXIS_TOLERANCE || Math.abs(p[0] - x1) <= AXIS_TOLERANCE) &&
      (Math.abs(p[1] - y0) <= AXIS_TOLERANCE || Math.abs(p[1] - y1) <= AXIS_TOLERANCE),
  );
  if (!onBox) return null;
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= MAX_RULE_THICKNESS && w > h) return { axis: "h", pos: (y0 + y1) / 2, start: x0, end: x1, thickness: h };
  if (w <= MAX_RULE_THICKNESS && h > w) return { axis: "v", pos: (x0 + x1) / 2, start: y0, end: y1, thickness: w };
  return null;
}

/**
 * The page's ruling lines from its painted paths (see content.ts): every horizontal or
 * vertical side of a stroked path, and every filled rectangle thin enough to be a line,
 * merged where they touch.
 */
export function rulesFromSegments(segments: readonly Segment[]): Rule[] {
  const raw: Rule[] = [];
  for (const sp of segments) {
    if (sp.kind === "stroke") {
      const pts = sp.closed && sp.points.length > 2 ? [...sp.points, sp.points[0]!] : sp.points;
      for (let k = 1; k < pts.length; k++) {
        const r = clipped(segmentRule(pts[k - 1]!, pts[k]!, sp.width), sp.clip);
        if (r) raw.push(r);
      }
    } else if (!sp.curved) {
      const r = clipped(thinRectRule(sp.points), sp.clip);
      if (r) raw.push(r);
    }
  }
  return mergeRules(raw);
}

/**
 * The part of a rule the clip lets be seen, as the renderer paints it: cut at the clip's
 * edges along the rule, gone when the clip leaves none of its width. (一太郎 draws a
 * table's corners as bars running past the frame and clips them back to it.)
 */
function clipped(r: Rule | null, clip: Box | undefined): Rule | null {
  if (!r || !clip) return r;
  const [lo, hi, from, to] = r.axis === "h" ? [clip.y0, clip.y1, clip.x0, clip.x1] : [clip.x0, clip.x1, clip.y0, clip.y1];
  const half = r.thickness / 2;
  if (r.pos + half < lo || r.pos - half > hi) return null;
  const start = Math.max(r.start, from);
  const end = Math.min(r.end, to);
  return end > start ? { ...r, start, end } : null;
}

/**
 * Joins collinear rules that overlap or touch (ends within {@link JOIN_GAP}) into one,
 * keeping the thickest width; drops specks shorter than {@link MIN_RULE_LENGTH}.
 * Parallel rules further apart than their half-thickness (double borders) stay separate.
 */
export function mergeRules(rules: readonly Rule[]): Rule[] {
  const out: Rule[] = [];
  for (const axis of ["h", "v"] as const) {
    const sorted = rules.filter((r) => r.axis === axis).sort((a, b) => a.pos - b.pos || a.start - b.start);
    // Cluster by position.
    const clusters: Rule[][] = [];
    for (const r of sorted) {
      const last = clusters[clusters.length - 1];
      const ref = last?.[last.length - 1];
      const tol = Math.max(AXIS_TOLERANCE, ((ref?.thickness ?? 0) + r.thickness) / 4);
      if (last && ref && r.pos - ref.pos <= tol) last.push(r);
      else clusters.push([r]);
    }
    for (const cluster of clusters) {
      cluster.sort((a, b) => a.start - b.start);
      let cur: Rule | null = null;
      let weight = 0;
      let posSum = 0;
      for (const r of cluster) {
        const len = Math.max(r.end - r.start, 0.01);
        if (cur && r.start <= cur.end + JOIN_GAP) {
          cur.end = Math.max(cur.end, r.end);
          cur.thickness = Math.max(cur.thickness, r.thickness);
          posSum += r.pos * len;
          weight += len;
        } else {
          if (cur) pushMerged(out, cur, posSum / weight);
          cur = { ...r };
          posSum = r.pos * len;
          weight = len;
        }
      }
      if (cur) pushMerged(out, cur, posSum / weight);
    }
  }
  return out;
}

/**
 * A merged rule at its weighted position, unless it is a speck. (A module function, not
 * a closure made per call: see closeRun in ./text.ts.)
 */
function pushMerged(out: Rule[], merged: Rule, pos: number): void {
  if (merged.end - merged.start < MIN_RULE_LENGTH) return;
  out.push({ axis: merged.axis, pos: round2(pos), start: round2(merged.start), end: round2(merged.end), thickness: round2(merged.thickness) });
}

/** A drawn box smaller than this (points) in either direction is a mark or a line, not an area. */
const MIN_AREA_SIDE = 6;

/**
 * The boxes drawn on a page: the bounding box of every closed or filled subpath larger than
 * {@link MIN_AREA_SIDE} in both directions — stroked frames, filled bands and label cells —
 * and of every shape with curved sides (`shapes`: rounded rectangles, a badge with a rounded
 * corner, each inside its clip). Duplicates (a shape filled and then stroked) are kept once.
 * Lines and thin rectangles are rules, not areas.
 */
export function areasFromSegments(segments: readonly Segment[], shapes: readonly Box[] = []): Box[] {
  const out: Box[] = [];
  const keep = (x0: number, y0: number, x1: number, y1: number) => {
    if (x1 - x0 < MIN_AREA_SIDE || y1 - y0 < MIN_AREA_SIDE) return;
    const box = { x0: round2(x0), y0: round2(y0), x1: round2(x1), y1: round2(y1) };
    if (!out.some((b) => Math.abs(b.x0 - box.x0) < 1 && Math.abs(b.y0 - box.y0) < 1 && Math.abs(b.x1 - box.x1) < 1 && Math.abs(b.y1 - box.y1) < 1)) out.push(box);
  };
  for (const sp of segments) {
    if (sp.points.length < 3 || (sp.kind === "stroke" && !sp.closed && !isClosedPolygon(sp.points))) continue;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const [x, y] of sp.points) {
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    keep(x0, y0, x1, y1);
  }
  for (const b of shapes) keep(b.x0, b.y0, b.x1, b.y1);
  return out;
}

/** A stroked path that ends where it starts (drawn closed without a closepath operator). */
function isClosedPolygon(points: readonly Point[]): boolean {
  const a = points[0]!;
  const b = points[points.length - 1]!;
  return points.length >= 4 && Math.abs(a[0] - b[0]) <= AXIS_TOLERANCE && Math.abs(a[1] - b[1]) <= AXIS_TOLERANCE;
}

/** How far (points) an underline may stand outside its link's area. */
const UNDERLINE_SLACK = 1;

/**
 * Rules without the underlines of hyperlinks: a horizontal rule lying inside a link's
 * area is the link's underline, not a border, even where a cell's clip cuts it to the
 * cell's width.
 */
export function withoutLinkUnderlines(rules: Rule[], links: readonly Link[]): Rule[] {
  if (!links.length) return rules;
  const s = UNDERLINE_SLACK;
  return rules.filter(
    (r) => r.axis !== "h" || !links.some(({ box: b }) => r.pos >= b.y0 - s && r.pos <= b.y1 + s && r.start >= b.x0 - s && r.end <= b.x1 + s),
  );
}
