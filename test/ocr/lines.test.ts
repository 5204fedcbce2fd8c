import { expect, test } from "vitest";
import { binarise, deskew, findLines, pageLines, skewOf, toRules } from "../../src/ocr/lines.js";
import { latticeTables } from "../../src/table/lattice.js";
import type { Raster } from "../../src/pdf/images.js";

/** A white picture with a ruled grid drawn slightly turned (slope 0.006 ≈ 0.34°), and a line of "text" (dashes). */
function grid(slope: number): Raster {
  const width = 800, height = 600;
  const gray = new Uint8Array(width * height).fill(250);
  const ink = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < width && y < height) gray[Math.round(y) * width + Math.round(x)] = 20;
  };
  for (const y of [100, 200, 300, 400]) for (let x = 100; x <= 700; x++) for (let t = 0; t < 3; t++) ink(x, y + t + slope * (x - 400));
  for (const x of [100, 400, 700]) for (let y = 100; y <= 400; y++) for (let t = 0; t < 3; t++) ink(x + t - slope * (y - 300), y);
  // Text-like ink: short strokes 6 px apart, rows of them (never a rule).
  for (let y = 140; y < 160; y += 2) for (let x = 120; x < 380; x += 10) for (let d = 0; d < 6; d++) ink(x + d, y);
  return { width, height, gray, scale: 100 / 72 };
}

test("ruling lines are found in a picture, text is not, and a skewed picture is straightened", () => {
  const r = grid(0.006);
  const ink = binarise(r);
  const lines = [...findLines(ink, r.width, r.height, "h", r.scale), ...findLines(ink, r.width, r.height, "v", r.scale)];
  expect(lines.filter((l) => l.axis === "h")).toHaveLength(4);
  expect(lines.filter((l) => l.axis === "v")).toHaveLength(3);
  const skew = skewOf(lines, r.width, r.height);
  expect(skew.h).toBeCloseTo(0.006, 2);
  expect(skew.v).toBeCloseTo(-0.006, 2);
  const straight = deskew(r, skew);
  const again = findLines(binarise(straight), r.width, r.height, "h", r.scale);
  expect(again).toHaveLength(4);
  for (const l of again) expect(Math.abs(l.slope)).toBeLessThan(0.002);
});

/**
 * A ruled table as a sheet fed through a scanner draws it: turned more at the top than at
 * the bottom (the horizontal rules' slope goes from 0.012 to 0.002 down the page), sheared
 * (the verticals lean by −0.004), one vertical broken by a 3-pt gap, one printed dashed in
 * a faint gray the ink threshold drops (a solid piece at its top only), one horizontal rule
 * faded over half its length. Grid 4 rules × 4 columns, 300 dpi.
 */
function scannedGrid(): Raster {
  const scale = 300 / 72;
  const width = Math.round(500 * scale), height = Math.round(400 * scale);
  const gray = new Uint8Array(width * height).fill(248);
  const cx = width / 2, cy = height / 2;
  // Where a point of the straight sheet lands in the scan.
  const place = (x: number, y: number) => {
    const turn = 0.007 - 0.005 * ((y - cy) / (height / 2));
    return [x - 0.004 * (y - cy), y + turn * (x - cx)] as const;
  };
  const dot = (x: number, y: number, v: number) => {
    const [sx, sy] = place(x, y);
    const i = Math.round(sy) * width + Math.round(sx);
    if (sx >= 0 && sy >= 0 && sx < width && sy < height) gray[i] = Math.min(gray[i]!, v);
  };
  const px = (pt: number) => pt * scale;
  const rows = [50, 120, 200, 330].map(px), cols = [40, 160, 300, 460].map(px);
  rows.forEach((y, k) => {
    for (let x = cols[0]!; x <= cols[3]!; x++) for (let t = 0; t < 4; t++) dot(x, y + t, k === 2 && x > cols[1]! ? 205 : 25);
  });
  cols.forEach((x, k) => {
    for (let y = rows[0]!; y <= rows[3]! + 3; y++) {
      if (k === 1 && y > px(150) && y < px(153)) continue; // broken
      const dashed = k === 2 && y > px(110);
      if (dashed && (y - px(110)) % px(9) > px(5)) continue; // 5-pt dashes, 4-pt gaps
      for (let t = 0; t < 4; t++) dot(x + t, y, dashed ? 200 : 25);
    }
  });
  // Lines of text between the rules (strokes a character apart): never rules.
  for (const y of [80, 160, 260]) for (let x = px(60); x < px(440); x += px(12)) for (let d = 0; d < px(8); d++) for (let t = 0; t < px(9); t += px(3)) dot(x + d, px(y) + t, 30);
  return { width, height, gray, scale };
}

test("a scanned grid turned unevenly, sheared, with broken, dashed and faded rules is straightened and read as one 3 × 3 lattice", () => {
  const { raster, lines, straightened } = pageLines(scannedGrid());
  expect(straightened).toBe(true);
  const rules = toRules(lines, raster.scale);
  const h = rules.filter((r) => r.axis === "h").sort((a, b) => a.pos - b.pos);
  const v = rules.filter((r) => r.axis === "v").sort((a, b) => a.pos - b.pos);
  // Every rule whole, from the first crossing rule to the last (within 2 pt), straight.
  expect(h).toHaveLength(4);
  expect(v).toHaveLength(4);
  for (const r of h) (expect(r.start).toBeLessThan(v[0]!.pos + 2), expect(r.end).toBeGreaterThan(v[3]!.pos - 2));
  for (const r of v) (expect(r.start).toBeLessThan(h[0]!.pos + 2), expect(r.end).toBeGreaterThan(h[3]!.pos - 2));
  for (const l of lines) expect(Math.abs(l.slope)).toBeLessThan(0.0015);
  const [table, ...more] = latticeTables(1, rules, []);
  expect(more).toHaveLength(0);
  expect([table!.rows, table!.cols]).toEqual([3, 3]);
});

test("paper passed over four pixels at a time: the same ink and the same lines as pixel by pixel, wherever the ink starts", () => {
  // An odd width, so that rows start at every offset within a word of four pixels; white paper (255, passed over) with rules and strokes at odd places.
  const width = 803, height = 411;
  const gray = new Uint8Array(width * height).fill(255);
  for (let y = 37; y < 39; y++) for (let x = 101; x < 702; x++) gray[y * width + x] = 30;
  for (let y = 250; y < 251; y++) for (let x = 3; x < 800; x += 1) if (x % 7 !== 0) gray[y * width + x] = 90;
  for (let x = 401; x < 403; x++) for (let y = 5; y < 406; y++) gray[y * width + x] = 40;
  for (let x = 802; x < 803; x++) for (let y = 0; y < 300; y++) gray[y * width + x] = 10;
  for (let y = 100; y < 140; y += 3) for (let x = 150; x < 390; x += 9) for (let d = 0; d < 3; d++) gray[y * width + x + d] = 60;
  gray[width * height - 1] = 0;
  const r: Raster = { width, height, gray, scale: 300 / 72 };
  const ink = binarise(r, 128);
  for (let i = 0; i < gray.length; i++) if (ink[i] !== (gray[i]! <= 128 ? 1 : 0)) throw new Error(`pixel ${i}: ink ${ink[i]}`);
  // The same ink one byte off a word boundary is read pixel by pixel: the lines must be the same.
  const unaligned = new Uint8Array(ink.length + 1).subarray(1);
  unaligned.set(ink);
  for (const axis of ["h", "v"] as const) {
    const lines = findLines(ink, width, height, axis, r.scale);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines).toEqual(findLines(unaligned, width, height, axis, r.scale));
  }
  expect(findLines(ink, width, height, "h", r.scale)).toHaveLength(2);
  expect(findLines(ink, width, height, "v", r.scale)).toHaveLength(2);
});
