import { expect, test } from "vitest";
import { binarise, deskew, findLines, skewOf } from "../../src/ocr/lines.js";
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
