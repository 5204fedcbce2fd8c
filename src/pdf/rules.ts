/**
 * Ruling lines from a page's operator list: stroked horizontal/vertical segments and
 * thin filled rectangles, with the current transform applied, then merged where they
 * touch. Curves, clipping paths and invisible (white) paint are ignored.
 */
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { apply, IDENTITY, multiply, round2, scaleOf, type Matrix } from "./geometry.js";
import type { Rule } from "./types.js";

/** A filled rectangle no thicker than this (points) is a line, not a shaded area. */
export const MAX_RULE_THICKNESS = 3;
/** A segment this far (points) from exactly horizontal/vertical still counts as one. */
const AXIS_TOLERANCE = 0.5;
/** Rules shorter than this after merging are specks, not lines. */
const MIN_RULE_LENGTH = 1;
/** Collinear rules whose ends are this close (points) are one rule. */
const JOIN_GAP = 1;

// pdf.js's path encoding inside constructPath (DrawOPS in pdf.js).
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;

const STROKE_OPS = new Set<number>([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
const FILL_OPS = new Set<number>([
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);

interface GState {
  ctm: Matrix;
  lineWidth: number;
  strokeVisible: boolean;
  fillVisible: boolean;
}

/** Paint that cannot be seen on white paper. */
function isInvisible(color: unknown): boolean {
  if (typeof color !== "string") return false; // patterns and the like: assume visible
  const c = color.toLowerCase();
  return c === "transparent" || c === "#ffffff" || c === "#fff";
}

type Point = [number, number];

/** Splits pdf.js path data into subpaths of device points; curves break a subpath's straight runs. */
function subpaths(data: ArrayLike<number>, m: Matrix): { points: Point[]; closed: boolean; curved: boolean }[] {
  const out: { points: Point[]; closed: boolean; curved: boolean }[] = [];
  let cur: { points: Point[]; closed: boolean; curved: boolean } | null = null;
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE_TO) {
      cur = { points: [apply(m, data[i]!, data[i + 1]!)], closed: false, curved: false };
      out.push(cur);
      i += 2;
    } else if (op === LINE_TO) {
      const p = apply(m, data[i]!, data[i + 1]!);
      if (!cur) {
        cur = { points: [p], closed: false, curved: false };
        out.push(cur);
      } else cur.points.push(p);
      i += 2;
    } else if (op === CURVE_TO || op === QUAD_TO) {
      const n = op === CURVE_TO ? 6 : 4;
      const p = apply(m, data[i + n - 2]!, data[i + n - 1]!);
      // The curve itself is no rule; start a fresh straight run at its end point.
      if (cur) cur.curved = true;
      cur = { points: [p], closed: false, curved: true };
      out.push(cur);
      i += n;
    } else if (op === CLOSE) {
      if (cur) cur.closed = true;
    } else {
      break; // unknown encoding: stop rather than misread
    }
  }
  return out;
}

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
 * Walks an operator list and returns the page's ruling lines in page coordinates.
 * `pageTransform` maps PDF user space to the displayed page (pdf.js viewport.transform).
 */
export function extractRules(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  pageTransform: Matrix,
): Rule[] {
  const raw: Rule[] = [];
  let gs: GState = { ctm: IDENTITY, lineWidth: 1, strokeVisible: true, fillVisible: true };
  const stack: GState[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as any[] | null;
    switch (fn) {
      case OPS.save:
        stack.push(gs);
        gs = { ...gs };
        break;
      case OPS.restore:
        gs = stack.pop() ?? gs;
        break;
      case OPS.transform:
        gs.ctm = multiply(gs.ctm, args as unknown as Matrix);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(gs);
        gs = { ...gs };
        if (args?.[0]) gs.ctm = multiply(gs.ctm, args[0] as Matrix);
        break;
      case OPS.paintFormXObjectEnd:
        gs = stack.pop() ?? gs;
        break;
      case OPS.setLineWidth:
        gs.lineWidth = Number(args?.[0] ?? 1);
        break;
      case OPS.setGState:
        for (const [key, value] of (args?.[0] ?? []) as [string, unknown][]) {
          if (key === "LW") gs.lineWidth = Number(value);
        }
        break;
      case OPS.setStrokeRGBColor:
        gs.strokeVisible = !isInvisible(args?.[0]);
        break;
      case OPS.setFillRGBColor:
        gs.fillVisible = !isInvisible(args?.[0]);
        break;
      case OPS.setStrokeTransparent:
        gs.strokeVisible = false;
        break;
      case OPS.setFillTransparent:
        gs.fillVisible = false;
        break;
      case OPS.setStrokeColorN:
        gs.strokeVisible = true;
        break;
      case OPS.setFillColorN:
        gs.fillVisible = true;
        break;
      case OPS.constructPath: {
        const paintOp = args?.[0] as number;
        const data = (args?.[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | null | undefined;
        if (!data) break;
        const stroke = STROKE_OPS.has(paintOp) && gs.strokeVisible;
        const fill = FILL_OPS.has(paintOp) && gs.fillVisible;
        if (!stroke && !fill) break; // clipping path, or invisible paint
        const m = multiply(pageTransform, gs.ctm);
        for (const sp of subpaths(data, m)) {
          if (stroke) {
            const width = gs.lineWidth * scaleOf(m);
            const pts = sp.closed && sp.points.length > 2 ? [...sp.points, sp.points[0]!] : sp.points;
            for (let k = 1; k < pts.length; k++) {
              const r = segmentRule(pts[k - 1]!, pts[k]!, width);
              if (r) raw.push(r);
            }
          }
          if (fill && !sp.curved) {
            const r = thinRectRule(sp.points);
            if (r) raw.push(r);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return mergeRules(raw);
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
      const flush = () => {
        if (cur && cur.end - cur.start >= MIN_RULE_LENGTH) {
          out.push({
            axis,
            pos: round2(posSum / weight),
            start: round2(cur.start),
            end: round2(cur.end),
            thickness: round2(cur.thickness),
          });
        }
      };
      for (const r of cluster) {
        const len = Math.max(r.end - r.start, 0.01);
        if (cur && r.start <= cur.end + JOIN_GAP) {
          cur.end = Math.max(cur.end, r.end);
          cur.thickness = Math.max(cur.thickness, r.thickness);
          posSum += r.pos * len;
          weight += len;
        } else {
          flush();
          cur = { ...r };
          posSum = r.pos * len;
          weight = len;
        }
      }
      flush();
    }
  }
  return out;
}
