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
  const gray = r.gray;
  const ink = new Uint8Array(gray.length);
  // Four pixels of white paper at a time (most of a scan), when white is not ink: the
  // array starts as paper, so only ink is written.
  const white = threshold < 255 && gray.byteOffset % 4 === 0 ? new Uint32Array(gray.buffer, gray.byteOffset, gray.length >> 2) : null;
  let i = 0;
  if (white) {
    for (let w = 0; w < white.length; w++, i += 4) {
      if (white[w] === 0xffffffff) continue;
      for (let k = i; k < i + 4; k++) if (gray[k]! <= threshold) ink[k] = 1;
    }
  }
  for (; i < ink.length; i++) ink[i] = gray[i]! <= threshold ? 1 : 0;
  return ink;
}

/** The ink as words of four pixels (for passing over paper four pixels at a time). */
const words = (ink: Uint8Array): Uint32Array =>
  ink.byteOffset % 4 === 0 ? new Uint32Array(ink.buffer, ink.byteOffset, ink.length >> 2) : new Uint32Array(0);

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
 * rows that overlap are one line (all of them: a thick rule a little turned steps over
 * several rows, and each row holds only a piece of it). A line is then judged where it
 * lies at each point along it — a scan's rule bends a little, so a straight fit over its
 * length would miss it — by how thick it is there and whether paper lies on both sides.
 */
export function findLines(ink: Uint8Array, width: number, height: number, axis: "h" | "v", scale: number): PixelLine[] {
  const alongLen = axis === "h" ? width : height;
  const acrossLen = axis === "h" ? height : width;
  const maxGap = Math.round(MAX_GAP_PT * scale);
  const minRule = MIN_RULE_PT * scale;
  const at = (q: number, a: number) => (axis === "h" ? q * width + a : a * width + q);
  const { stretches, rowStart } = axis === "h" ? rowStretches(ink, width, height, maxGap, minRule) : columnStretches(ink, width, height, maxGap, minRule);
  // Stretches in neighbouring rows that overlap along the axis (or nearly: a one-pixel
  // rule turned a little steps a row where the last stretch ends): one line.
  const parent = new Int32Array(stretches.length).map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let q = 1; q < acrossLen; q++) {
    let j = rowStart[q - 1]!;
    for (let k = rowStart[q]!; k < rowStart[q + 1]!; k++) {
      const s = stretches[k]!;
      while (j < rowStart[q]! && stretches[j]!.end + maxGap < s.start) j++;
      for (let o = j; o < rowStart[q]! && stretches[o]!.start - maxGap <= s.end; o++) parent[root(k)] = root(o);
    }
  }
  const groups = new Map<number, Stretch[]>();
  stretches.forEach((s, i) => {
    const r = root(i);
    const g = groups.get(r);
    if (g) g.push(s);
    else groups.set(r, [s]);
  });
  const found: PixelLine[] = [];
  for (const g of groups.values()) {
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
    if (end - start < minRule) continue;
    // Where the line lies at each point along it: the first and last row its stretches cover there.
    const len = end - start;
    const lo = new Int32Array(len).fill(acrossLen), hi = new Int32Array(len).fill(-1);
    for (const s of g) {
      for (let a = s.start - start; a < s.end - start; a++) {
        if (s.across < lo[a]!) lo[a] = s.across;
        if (s.across > hi[a]!) hi[a] = s.across;
      }
    }
    const widths: number[] = [];
    let covered = 0, before = 0, after = 0;
    for (let a = 0; a < len; a++) {
      if (hi[a]! < 0) continue;
      covered++;
      widths.push(hi[a]! - lo[a]! + 1);
      const q0 = lo[a]! - 2, q1 = hi[a]! + 2;
      if (q0 >= 0 && ink[at(q0, a + start)]) before++;
      if (q1 < acrossLen && ink[at(q1, a + start)]) after++;
    }
    widths.sort((x, y) => x - y);
    const thickness = widths[widths.length >> 1]!;
    if (thickness > MAX_THICKNESS_PT * scale + 2) continue;
    if (Math.max(before, after) > MAX_BESIDE * covered) continue;
    const den = n * sxx - sx * sx;
    // A slope only for a long line: a short one's few steps say nothing about the page's skew.
    const slope = den > 0 && len >= alongLen / 8 ? (n * sxy - sx * sy) / den : 0;
    found.push({ axis, pos: sy / n + slope * ((start + end) / 2 - sx / n), start, end, thickness, slope });
  }
  return mergeParallel(found, scale);
}

/** A joined stretch long enough and dark enough to be part of a line. */
const isLinePiece = (start: number, end: number, dark: number, minRule: number) => end - start >= minRule && dark >= MIN_FILL * (end - start);

/**
 * The line pieces of each pixel row: its dark runs joined over gaps of up to `maxGap`, kept
 * when isLinePiece. Stretches in row order, each row's along it; `rowStart[q]` is the index
 * of row q's first (and `rowStart[height]` one past the last).
 */
function rowStretches(ink: Uint8Array, width: number, height: number, maxGap: number, minRule: number): { stretches: Stretch[]; rowStart: Int32Array } {
  const stretches: Stretch[] = [];
  const rowStart = new Int32Array(height + 1);
  const four = words(ink);
  for (let q = 0; q < height; q++) {
    rowStart[q] = stretches.length;
    // The stretch being joined (none while end is 0): [start, end), with `dark` ink pixels.
    let start = 0, end = 0, dark = 0;
    for (let a = 0, i = q * width; a < width; a++, i++) {
      // Four pixels of paper passed over at once.
      if ((i & 3) === 0 && a + 4 <= width && (i >> 2) < four.length && four[i >> 2] === 0) {
        (a += 3), (i += 3);
        continue;
      }
      if (!ink[i]) continue;
      if (end > 0 && a - end <= maxGap) {
        end = a + 1;
        dark++;
      } else {
        if (end > 0 && isLinePiece(start, end, dark, minRule)) stretches.push({ across: q, start, end, dark });
        (start = a), (end = a + 1), (dark = 1);
      }
    }
    if (end > 0 && isLinePiece(start, end, dark, minRule)) stretches.push({ across: q, start, end, dark });
  }
  rowStart[height] = stretches.length;
  return { stretches, rowStart };
}

/**
 * The same down the pixel columns (`across` a column, `start` and `end` rows), in the same
 * order — column by column, each down it — but read row by row, as the picture is stored
 * (a walk down one column at a time touches a new cache line at every pixel).
 */
function columnStretches(ink: Uint8Array, width: number, height: number, maxGap: number, minRule: number): { stretches: Stretch[]; rowStart: Int32Array } {
  const start = new Int32Array(width), end = new Int32Array(width), dark = new Int32Array(width);
  const found: Stretch[] = [];
  const four = words(ink);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      // Four pixels of paper passed over at once.
      if ((i & 3) === 0 && x + 4 <= width && (i >> 2) < four.length && four[i >> 2] === 0) {
        (x += 3), (i += 3);
        continue;
      }
      if (!ink[i]) continue;
      const e = end[x]!;
      if (e > 0 && y - e <= maxGap) {
        end[x] = y + 1;
        dark[x]!++;
      } else {
        if (e > 0 && isLinePiece(start[x]!, e, dark[x]!, minRule)) found.push({ across: x, start: start[x]!, end: e, dark: dark[x]! });
        (start[x] = y), (end[x] = y + 1), (dark[x] = 1);
      }
    }
  }
  for (let x = 0; x < width; x++) if (end[x]! > 0 && isLinePiece(start[x]!, end[x]!, dark[x]!, minRule)) found.push({ across: x, start: start[x]!, end: end[x]!, dark: dark[x]! });
  // Column by column, keeping each column's order (down it): a counting sort.
  const rowStart = new Int32Array(width + 1);
  for (const s of found) rowStart[s.across + 1]!++;
  for (let x = 0; x < width; x++) rowStart[x + 1]! += rowStart[x]!;
  const next = rowStart.slice(0, width);
  const stretches = new Array<Stretch>(found.length);
  for (const s of found) stretches[next[s.across]!++] = s;
  return { stretches, rowStart };
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

/** The longest stretch without ink a dashed or faded rule may have between its dashes, in points. */
const DASH_GAP_PT = 12;
/** How much darker than paper (gray levels) faint ink is at least, and need be at most. */
const FAINT_MIN = 15;
const FAINT_MAX = 30;
/** The least share of a dashed or faded rule's way that holds faint ink. */
const MIN_DASHED = 0.4;
/** How far (points) a line's end may lie from a crossing line and still meet it. */
const MEET_PT = 2;

/**
 * Lines that stop short in a scan, continued. A rule printed dashed, or faded in the scan
 * (the lighter parts of a scan's rule fall below the ink threshold), is found only in
 * pieces; the lattice reader drops a piece whose end meets nothing. So each end that meets
 * no crossing line is followed on along the line's course in the gray picture: while faint
 * ink (a little darker than paper) keeps coming, with no
 * stretch without it longer than DASH_GAP_PT, up to the next crossing line or the next
 * piece of the same line. Reaching one, the piece is continued to it; else it stays as found.
 * A crossing line that ends on the course of a line end meeting nothing, and meets nothing
 * there itself, is reached without ink: the two loose ends were one junction whose rule
 * the scan lost.
 */
export function bridgeLines(lines: readonly PixelLine[], r: Raster, threshold = otsu(r.gray)): PixelLine[] {
  const paper = median(r.gray);
  if (paper <= threshold) return [...lines];
  // Faint ink: darker than paper by a third of the way to the ink threshold, but by at
  // least FAINT_MIN (a paper's grain) and never by more than FAINT_MAX (a pale rule on a
  // page of black print, whose threshold lies far down).
  const faint = paper - Math.min(FAINT_MAX, Math.max(FAINT_MIN, (paper - threshold) / 3));
  const meet = MEET_PT * r.scale, gapMax = DASH_GAP_PT * r.scale, near = 1.5 * r.scale;
  const out = lines.map((l) => ({ ...l }));
  const across = (l: PixelLine, a: number) => l.pos + l.slope * (a - (l.start + l.end) / 2);
  const dark = (l: PixelLine, a: number) => {
    const c = Math.round(across(l, a)), w = Math.ceil(l.thickness / 2) + 2;
    for (let q = c - w; q <= c + w; q++) {
      const x = l.axis === "h" ? a : q, y = l.axis === "h" ? q : a;
      if (x >= 0 && y >= 0 && x < r.width && y < r.height && r.gray[y * r.width + x]! <= faint) return true;
    }
    return false;
  };
  /** The end of `l` at `end` meets the crossing line `o`. */
  const meets = (l: PixelLine, end: number, o: PixelLine) => {
    const c = across(l, end);
    return Math.abs(across(o, c) - end) <= meet && c >= o.start - meet && c <= o.end + meet;
  };
  /** Faint ink along the line from `end` for `length` pixels: never missing longer than a dash gap, and along at least MIN_DASHED of the way. */
  const inkAlong = (l: PixelLine, end: number, dir: 1 | -1, length: number) => {
    let gap = 0, seen = 0;
    for (let k = 1; k < length; k++) {
      if (dark(l, end + dir * k)) (gap = 0), seen++;
      else if (++gap > gapMax) return false;
    }
    return seen >= MIN_DASHED * (length - 1);
  };
  for (const l of out) {
    const crossings = out.filter((o) => o.axis !== l.axis);
    for (const dir of [-1, 1] as const) {
      // Onwards from target to target while the way there is faint ink (a rule that ends at
      // a crossing line has none beyond it, a dashed one does).
      for (let steps = 0; steps < 100; steps++) {
        const end = dir < 0 ? l.start : l.end;
        const c = across(l, end);
        let target = Infinity, dangling = false;
        const loose = !crossings.some((o) => meets(l, end, o));
        for (const o of crossings) {
          if (c < o.start - meet || c > o.end + meet) continue;
          const at = across(o, c);
          if ((at - end) * dir > meet && Math.abs(at - end) < target) {
            target = Math.abs(at - end);
            // A crossing line that ends on this line's course and meets nothing there: the
            // two were one junction, the rule between them lost in the scan.
            const tip = Math.abs(o.start - c) <= meet ? o.start : Math.abs(o.end - c) <= meet ? o.end : null;
            dangling = loose && tip !== null && !out.some((x) => x.axis === l.axis && x !== l && meets(o, tip, x));
          }
        }
        let piece = Infinity;
        for (const o of out) {
          if (o === l || o.axis !== l.axis) continue;
          const from = dir > 0 ? o.start : o.end;
          if ((from - end) * dir > 0 && Math.abs(across(o, from) - across(l, from)) <= near) piece = Math.min(piece, Math.abs(from - end));
        }
        // The next piece of the same line a short break away (a scratch, a speck of paper
        // over the rule) is joined as it is; farther, with faint ink on the way.
        const broken = piece < target && piece <= gapMax / 2;
        if (piece < target) (target = piece), (dangling = false);
        if (!Number.isFinite(target) || !(broken || dangling || inkAlong(l, end, dir, target))) break;
        if (dir < 0) l.start = Math.max(0, Math.round(end - target));
        else l.end = Math.round(end + target);
      }
    }
  }
  return [...mergeParallel(out.filter((l) => l.axis === "h"), r.scale), ...mergeParallel(out.filter((l) => l.axis === "v"), r.scale)];
}

function median(gray: Uint8Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < gray.length; i += 7) hist[gray[i]!]!++;
  let half = 0;
  for (let v = 0; v < 256; v++) half += hist[v]!;
  half /= 2;
  for (let v = 0, seen = 0; v < 256; v++) if ((seen += hist[v]!) >= half) return v;
  return 255;
}

/**
 * The page's skew: the slope of its long horizontal lines (pixels down per pixel across)
 * and of its long vertical ones (pixels across per pixel down), at the picture's centre. A
 * scanner skews them apart (the sheet turns and shears as it is fed), and the turn can
 * change down the sheet: `hBend` is how much the horizontal lines' slope changes per pixel
 * down, `vBend` how much the vertical lines' changes per pixel across (0 when too few
 * lines say). The lines stay straight under such a skew, only their slopes differ.
 */
export interface Skew {
  h: number;
  v: number;
  hBend?: number;
  vBend?: number;
}

/** The most a line's slope may stray from the others' fit and still count (a stroke in a stamp, a bent piece). */
const STRAY_SLOPE = 0.004;

export function skewOf(lines: readonly PixelLine[], width: number, height: number): Skew {
  const fit = (axis: "h" | "v", min: number, centre: number, spread: number) => {
    let ls = lines.filter((l) => l.axis === axis && l.end - l.start >= min).map((l) => ({ at: l.pos - centre, slope: l.slope, w: l.end - l.start }));
    if (!ls.length) return { slope: 0, bend: 0 };
    for (;;) {
      // Too few lines, or all near one place: one slope for the page (their median).
      const at = ls.map((l) => l.at);
      if (ls.length < 3 || Math.max(...at) - Math.min(...at) < spread) {
        const s = ls.map((l) => l.slope).sort((a, b) => a - b);
        return { slope: s[Math.floor(s.length / 2)]!, bend: 0 };
      }
      // Weighted least squares: slope = a + b·at, each line weighed by its length.
      let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
      for (const l of ls) (n += l.w), (sx += l.w * l.at), (sy += l.w * l.slope), (sxx += l.w * l.at * l.at), (sxy += l.w * l.at * l.slope);
      const b = (n * sxy - sx * sy) / (n * sxx - sx * sx);
      const a = (sy - b * sx) / n;
      const worst = ls.reduce((w, l) => (Math.abs(l.slope - a - b * l.at) > Math.abs(w.slope - a - b * w.at) ? l : w));
      if (Math.abs(worst.slope - a - b * worst.at) <= STRAY_SLOPE) return { slope: a, bend: b };
      ls = ls.filter((l) => l !== worst);
    }
  };
  const h = fit("h", width / 4, height / 2, height / 4);
  const v = fit("v", height / 4, width / 2, width / 4);
  return { h: h.slope, v: v.slope, ...(h.bend && { hBend: h.bend }), ...(v.bend && { vBend: v.bend }) };
}

/**
 * The picture straightened (nearest pixel; paper where nothing comes in): rows sheared back
 * by the horizontal lines' slope, columns by the vertical lines', about the centre — each
 * slope as it is where the pixel lies when it changes over the page.
 */
export function deskew(r: Raster, skew: Skew): Raster {
  const { width, height } = r;
  const gray = new Uint8Array(width * height).fill(255);
  const cx = width / 2, cy = height / 2;
  const hb = skew.hBend ?? 0, vb = skew.vBend ?? 0;
  for (let y = 0; y < height; y++) {
    let at = y * width;
    const dy = y - cy;
    for (let x = 0; x < width; x++, at++) {
      // Where this pixel of the straight picture is in the skewed one.
      const dx = x - cx;
      const sx = Math.round(x + (skew.v + vb * dx) * dy);
      const sy = Math.round(y + (skew.h + hb * dy) * dx);
      if (sx >= 0 && sy >= 0 && sx < width && sy < height) gray[at] = r.gray[sy * width + sx]!;
    }
  }
  return { ...r, gray };
}

/** Skew below this (slope, about 0.1°) is left alone. */
const MIN_SKEW = 0.0017;

/** A page's picture straightened, and its ruling lines found in it. */
export interface PageLines {
  raster: Raster;
  lines: PixelLine[];
  /** The skew measured on the picture as it came. */
  skew: Skew;
  /** Whether it was taken out (the picture was skewed by MIN_SKEW or more somewhere). */
  straightened: boolean;
}

/**
 * The ruling lines of a page's picture: found, the picture straightened by their skew (when
 * skewed by more than MIN_SKEW anywhere on it) and found again, then dashed and faded ones
 * continued ({@link bridgeLines}).
 */
export function pageLines(r: Raster): PageLines {
  const find = (x: Raster) => {
    const ink = binarise(x);
    return [...findLines(ink, x.width, x.height, "h", x.scale), ...findLines(ink, x.width, x.height, "v", x.scale)];
  };
  let lines = find(r);
  const skew = skewOf(lines, r.width, r.height);
  // The most slope the skew gives anywhere on the picture.
  const most = Math.max(
    Math.abs(skew.h) + (Math.abs(skew.hBend ?? 0) * r.height) / 2,
    Math.abs(skew.v) + (Math.abs(skew.vBend ?? 0) * r.width) / 2,
  );
  const skewed = most >= MIN_SKEW;
  if (skewed) {
    r = deskew(r, skew);
    lines = find(r);
  }
  return { raster: r, lines: bridgeLines(lines, r), skew, straightened: skewed };
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
