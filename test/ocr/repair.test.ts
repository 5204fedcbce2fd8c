import { expect, test } from "vitest";
import { endsWithBracket, repairNumbers, startsWithTriangle, withoutBracketDigit, withTriangle, wordsToRuns } from "../../src/ocr/page.js";
import type { Raster } from "../../src/pdf/images.js";
import type { OcrWord } from "../../src/ocr/engine.js";

test("separators OCR misreads in printed amounts become commas; decimals stay", () => {
  expect(repairNumbers("6,.827,266")).toBe("6,827,266");
  expect(repairNumbers("1.928,533")).toBe("1,928,533");
  expect(repairNumbers("3 271,900")).toBe("3,271,900");
  expect(repairNumbers("4 800")).toBe("4,800");
  // Two numbers side by side stay two: only a reading that is one number and nothing else is joined.
  expect(repairNumbers("4 800 12")).toBe("4 800 12");
  expect(repairNumbers("138.585510")).toBe("138,585,510");
  // A first group of four to six digits lost its separator.
  expect(repairNumbers("71311,142")).toBe("71,311,142");
  expect(repairNumbers("4694,454")).toBe("4,694,454");
  expect(repairNumbers("10000,000")).toBe("10,000,000");
  expect(repairNumbers("△1725,200")).toBe("△1,725,200");
  expect(repairNumbers("12345")).toBe("12345");
  expect(repairNumbers("_141,176")).toBe("141,176");
  expect(repairNumbers("A1.725,200")).toBe("△1,725,200");
  expect(repairNumbers("97.7%")).toBe("97.7%");
  expect(repairNumbers("令和4年3月31日")).toBe("令和4年3月31日");
});

const word = (text: string, x0: number, x1: number, line = 0, confidence = 0.9): OcrWord => ({ text, x0, x1, y0: 100, y1: 130, confidence, line });

test("words of a line make one run with their least confidence; a rule or a wide gap between them starts another", () => {
  // 300 dpi: 1 pt = 300/72 px.
  const s = 300 / 72;
  const runs = wordsToRuns([word("売", 100, 130), word("掛", 200, 230), word("金", 300, 330), word("113,", 600, 660, 0, 0.7), word("916", 670, 720), word("6,827,266", 1200, 1400)], s, [
    { axis: "v", pos: 1000 / s, start: 0, end: 1000, thickness: 1 },
  ]);
  expect(runs.map((r) => [r.text, r.confidence])).toEqual([["売掛金", 0.9], ["113,916", 0.7], ["6,827,266", 0.9]]);
  expect(runs[1]!.box.x0).toBeCloseTo(600 / s, 1);
});

/**
 * A number's picture, 40 px high, drawn glyph by glyph: "tri" a triangle outline 22 px
 * high centred on the digits (the △ minus of accounting software; `touch` draws it
 * touching the next glyph), "d" a digit (a 17 × 32 px ring), "c" a comma (low and small),
 * "(" and "]" brackets taller than the digits, "-" a hyphen minus.
 */
function number(glyphs: string[], touch = false): Raster {
  const width = 20 + glyphs.length * 24, height = 44;
  const gray = new Uint8Array(width * height).fill(245);
  const ink = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < width && y < height) gray[y * width + x] = 30;
  };
  let x = 6;
  for (const g of glyphs) {
    if (g === "tri") {
      // Apex at the top (y 11), base on y 32: 18 px wide.
      for (let y = 11; y <= 32; y++) {
        const half = Math.round(((y - 11) / 21) * 9);
        for (let t = 0; t < 2; t++) (ink(x + 9 - half + t, y), ink(x + 9 + half - t, y));
      }
      for (let dx = 0; dx <= 18; dx++) (ink(x + dx, 32), ink(x + dx, 31));
      x += touch ? 19 : 22;
    } else if (g === "d") {
      for (let y = 6; y <= 37; y++) for (let dx = 0; dx < 17; dx++) if (y < 9 || y > 34 || dx < 3 || dx > 13) ink(x + dx, y);
      x += 21;
    } else if (g === "c") {
      for (let y = 33; y <= 41; y++) for (let dx = 0; dx < 4; dx++) ink(x + dx, y);
      x += 8;
    } else if (g === "(") {
      for (let y = 2; y <= 42; y++) for (let dx = 0; dx < 3; dx++) ink(x + dx + (y < 8 || y > 36 ? 3 : 0), y);
      x += 10;
    } else if (g === "]") {
      for (let y = 2; y <= 42; y++) for (let dx = 0; dx < 4; dx++) ink(x + dx + 4, y);
      for (const y of [2, 3, 41, 42]) for (let dx = 0; dx < 8; dx++) ink(x + dx, y);
      x += 12;
    } else if (g === "-") {
      for (let y = 20; y <= 22; y++) for (let dx = 0; dx < 12; dx++) ink(x + dx, y);
      x += 16;
    }
  }
  return { width, height, gray, scale: 300 / 72 };
}

test("a minus printed as a small triangle before the digits is told from a digit, a bracket, a comma and a hyphen, touching or not", () => {
  const digits = ["d", "c", "d", "d", "d", "c", "d", "d", "d"];
  expect(startsWithTriangle(number(["tri", ...digits]))).toBe(true);
  expect(startsWithTriangle(number(["tri", ...digits], true))).toBe(true);
  expect(startsWithTriangle(number(digits))).toBe(false);
  expect(startsWithTriangle(number(["(", ...digits]))).toBe(false);
  expect(startsWithTriangle(number(["-", ...digits]))).toBe(false);
});

test("a reading whose first glyph is a triangle gets △ for the 4, A or 4A OCR made of it, or before it when OCR left it out", () => {
  expect(withTriangle("49,084,168")).toBe("△9,084,168");
  expect(withTriangle("415,252,828")).toBe("△15,252,828");
  expect(withTriangle("4A1,928,533")).toBe("△1,928,533");
  expect(withTriangle("A8,763,696")).toBe("△8,763,696");
  expect(withTriangle("1,725,200")).toBe("△1,725,200");
  expect(withTriangle("△9,084,168")).toBe("△9,084,168");
  // Not a grouped number either way (4 then ",694,454"): left as read.
  expect(withTriangle("4,694,454")).toBe("4,694,454");
});

test("a closing bracket after an amount, taller than its digits, is told from a last digit; the 1 OCR made of it goes", () => {
  const digits = ["d", "d", "c", "d", "d", "d", "c", "d", "d", "d"];
  expect(endsWithBracket(number([...digits, "]"]))).toBe(true);
  expect(endsWithBracket(number(digits))).toBe(false);
  expect(endsWithBracket(number(["tri", ...digits]))).toBe(false);
  expect(withoutBracketDigit("12.012.3371")).toBe("12,012,337");
  // Grouped as read, or already ending in the bracket: left alone.
  expect(withoutBracketDigit("12,012,337")).toBe("12,012,337");
  expect(withoutBracketDigit("139,072,277】")).toBe("139,072,277】");
});
