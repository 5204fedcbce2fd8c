/**
 * Ruling lines found in a page's picture, so that the lattice reader works on a scan as it
 * does on a PDF drawn with vectors.
 *
 * The picture is binarised (Otsu's threshold), then every pixel row is scanned for dark
 * runs and the runs that continue each other — along the row, over small gaps (dotted and
 * dashed rules, breaks in the scan), and one row up or down (a slightly skewed page) — are
 * chained into lines; the same down the columns for vertical lines. A chain long enough,
 * dark enough along its length and with paper on both sides is a rule. The page's skew is
 * the median slope of its long rules, horizontal and vertical apart; a skewed picture is
 * straightened ({@link deskew}) before its text is read and its rules are found again.
 */
import type { Raster } from "../pdf/images.js";
import type { Rule } from "../model/page.js";

/** Shortest rule, in points. */
const MIN_RULE_PT = 24;
/** The widest gap a rule may have (dotted and dashed rules, scan breaks), in points. */
const MAX_GAP_PT = 2.5;
/** The most ink a rule may have beside it, as a share of its length (text has ink on both sides of any row through it). */
const MAX_BESIDE = 0.3;
/** Share of a rule's length that must be dark. */
const MIN_FILL = 0.55;
/** Thickest rule, in points (a thicker dark band is a filled area, not a line). */
const MAX_THICKNESS_PT = 3;

/** Otsu's threshold of a gray picture: gray ≤ threshold is ink. */
export function otsu(gray: Uint8Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < gray.length; i += 3) hist[gray[i]!]!++;
  let total = 0, sum = 0;
  for (let v = 0; v < 256; v++) (total += hist[v]!), (sum += v * hist[v]!);
  let back = 0, backSum = 0, best = 0, threshold = 127;
  for (let v = 0; v < 256; v++) {
    back += hist[v]!;
    if (back === 0) continue;
    const fore = total - back;
    if (fore === 0) break;
    backSum += v * hist[v]!;
    const mb = backSum / back, mf = (sum - backSum) / fore;
    const between = back * fore * (mb - mf) ** 2;
    if (between > best) (best = between), (threshold = v);
  }
  return threshold;
}

/** Ink (1) or paper (0) per pixel. */
export function binarise(r: Raster, threshold = otsu(r.gray)): Uint8Array {
  const ink = new Uint8Array(r.gray.length);
  for (let i = 0; i < ink.length; i++) ink[i] = r.gray[i]! <= threshold ? 1 : 0;
  return ink;
}

/** A line found in the picture, in pixels: along one axis from start to end, at pos (its middle), with its slope. */
export interface PixelLine {
  axis: "h" | "v";
  pos: number;
  start: number;
  end: number;
  thickness: number;
  /** Pixels across per pixel along (skew). */
  slope: number;
}

/** A stretch of one pixel row (or column) that is mostly ink: dark runs joined over small gaps. */
interface Stretch {
  across: number;
  start: number;
  end: number;
  dark: number;
}

/**
 * The lines along one axis: "h" scans rows for horizontal lines, "v" columns for vertical
 * ones. Each row's dark runs are joined over gaps of up to MAX_GAP_PT; a joined stretch
 * at least MIN_RULE_PT long and MIN_FILL dark is part of a line; stretches in neighbouring
 * rows that overlap (a thick rule, or a skewed one stepping a row) are one line.
 */
export function findLines(ink: Uint8Array, width: number, height: number, axis: "h" | "v", scale: number): PixelLine[] {
  const alongLen = axis === "h" ? width : height;
  const acrossLen = axis === "h" ? height : width;
  const maxGap = Math.round(MAX_GAP_PT * scale);
  const minRule = MIN_RULE_PT * scale;
  const step = axis === "h" ? 1 : width;
  const stretches: Stretch[] = [];
  for (let q = 0; q < acrossLen; q++) {
    const base = axis === "h" ? q * width : q;
    let cur: Stretch | null = null;
    let lastInk = -Infinity;
    for (let a = 0, i = base; a < alongLen; a++, i += step) {
      if (!ink[i]) continue;
      if (cur && a - lastInk - 1 <= maxGap) {
        cur.end = a + 1;
        cur.dark++;
      } else {
        if (cur && cur.end - cur.start >= minRule && cur.dark >= MIN_FILL * (cur.end - cur.start)) stretches.push(cur);
        cur = { across: q, start: a, end: a + 1, dark: 1 };
      }
      lastInk = a;
    }
    if (cur && cur.end - cur.start >= minRule && cur.dark >= MIN_FILL * (cur.end - cur.start)) stretches.push(cur);
  }
  // Stretches in neighbouring rows that overlap along the axis: one line.
  const groups: Stretch[][] = [];
  let open: { last: Stretch; group: Stretch[] }[] = [];
  for (const s of stretches) {
    open = open.filter((o) => s.across - o.last.across <= 1);
    const o = open.find((x) => x.last.across < s.across && s.start <= x.last.end + maxGap && s.end >= x.last.start - maxGap);
    if (o) {
      o.group.push(s);
      o.last = s;
    } else {
      const group = [s];
      groups.push(group);
      open.push({ last: s, group });
    }
  }
  const found: PixelLine[] = [];
  for (const g of groups) {
    let n = 0, sx = 0, sy = 0, sxy = 0, sxx = 0, start = Infinity, end = -Infinity;
    for (const s of g) {
      const w = s.end - s.start, mid = (s.start + s.end) / 2;
      n += w;
      sx += w * mid;
      sy += w * s.across;
      sxy += w * mid * s.across;
      // A stretch stands for every pixel along it: its spread (w²/12) counts, or a thick
      // line's stretches, long and short, would read as a steep slope.
      sxx += w * (mid * mid + (w * w) / 12);
      start = Math.min(start, s.start);
      end = Math.max(end, s.end);
    }
    const den = n * sxx - sx * sx;
    // A slope only for a long line: a short one's few steps say nothing about the page's skew.
    const slope = den > 0 && end - start >= alongLen / 8 ? (n * sxy - sx * sy) / den : 0;
    const first = g[0]!.across, last = g[g.length - 1]!.across;
    const thickness = Math.max(1, last - first + 1 - Math.abs(slope) * (end - start));
    if (thickness > MAX_THICKNESS_PT * scale + 2) continue;
    const beside = (q: number) => {
      if (q < 0 || q >= acrossLen) return 0;
      let n = 0;
      for (let a = start, i = (axis === "h" ? q * width : q) + start * step; a < end; a++, i += step) n += ink[i]!;
      return n;
    };
    if (Math.max(beside(first - 2), beside(last + 2)) > MAX_BESIDE * (end - start)) continue;
    found.push({ axis, pos: sy / n + slope * ((start + end) / 2 - sx / n), start, end, thickness, slope });
  }
  return mergeParallel(found, scale);
}

/** Lines of one axis found twice (the two edges of a thick rule, a chain broken by a gap) made one. */
function mergeParallel(lines: PixelLine[], scale: number): PixelLine[] {
  const near = 1.5 * scale;
  const gap = MAX_GAP_PT * scale;
  const sorted = [...lines].sort((a, b) => a.pos - b.pos || a.start - b.start);
  const out: PixelLine[] = [];
  for (const l of sorted) {
    const same = out.find((o) => Math.abs(o.pos - l.pos) <= near && l.start <= o.end + gap && l.end >= o.start - gap);
    if (same) {
      const len = (x: PixelLine) => x.end - x.start;
      same.pos = (same.pos * len(same) + l.pos * len(l)) / (len(same) + len(l));
      same.start = Math.min(same.start, l.start);
      same.end = Math.max(same.end, l.end);
      same.thickness = Math.max(same.thickness, l.thickness);
    } else out.push({ ...l });
  }
  return out;
}

/**
 * The page's skew: the median slope of its long horizontal lines (pixels down per pixel
 * across) and of its long vertical ones (pixels across per pixel down). A scanner skews
 * them apart (the sheet turns and shears as it is fed), so each is measured on its own.
 */
export interface Skew {
  h: number;
  v: number;
}

export function skewOf(lines: readonly PixelLine[], width: number, height: number): Skew {
  const median = (axis: "h" | "v", min: number) => {
    const s = lines.filter((l) => l.axis === axis && l.end - l.start >= min).map((l) => l.slope).sort((a, b) => a - b);
    return s.length ? s[Math.floor(s.length / 2)]! : 0;
  };
  return { h: median("h", width / 4), v: median("v", height / 4) };
}

/**
 * The picture straightened (nearest pixel; paper where nothing comes in): rows sheared back
 * by the horizontal lines' slope, columns by the vertical lines', about the centre.
 */
export function deskew(r: Raster, skew: Skew): Raster {
  const { width, height } = r;
  const gray = new Uint8Array(width * height).fill(255);
  const cx = width / 2, cy = height / 2;
  for (let y = 0; y < height; y++) {
    let at = y * width;
    for (let x = 0; x < width; x++, at++) {
      // Where this pixel of the straight picture is in the skewed one.
      const sx = Math.round(x + skew.v * (y - cy));
      const sy = Math.round(y + skew.h * (x - cx));
      if (sx >= 0 && sy >= 0 && sx < width && sy < height) gray[at] = r.gray[sy * width + sx]!;
    }
  }
  return { ...r, gray };
}

/** Pixel lines as the PDF layer's rules, in points. */
export function toRules(lines: readonly PixelLine[], scale: number): Rule[] {
  const pt = (v: number) => Math.round((v / scale) * 100) / 100;
  return lines.map((l) => ({ axis: l.axis, pos: pt(l.pos), start: pt(l.start), end: pt(l.end), thickness: pt(l.thickness) }));
}

/** The picture with its lines painted over in paper colour: text crossed by no rule reads better. */
export function withoutLines(r: Raster, lines: readonly PixelLine[]): Raster {
  const gray = r.gray.slice();
  const { width, height } = r;
  for (const l of lines) {
    const half = Math.ceil(l.thickness / 2) + 2;
    for (let a = Math.floor(l.start); a < Math.ceil(l.end); a++) {
      const mid = Math.round(l.pos + l.slope * (a - (l.start + l.end) / 2));
      for (let q = mid - half; q <= mid + half; q++) {
        const x = l.axis === "h" ? a : q;
        const y = l.axis === "h" ? q : a;
        if (x >= 0 && y >= 0 && x < width && y < height) gray[y * width + x] = 255;
      }
    }
  }
  return { ...r, gray };
}
