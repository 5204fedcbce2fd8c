import { expect, test } from "vitest";
import type { Glyph } from "../../src/pdf/content.js";
import { runsFromGlyphs } from "../../src/pdf/text.js";
import type { Rule } from "../../src/model/page.js";
import { emWidth } from "../../src/text/index.js";

/** A 10 pt glyph on the baseline y = 100, its left edge at x. */
function glyph(unicode: string, x: number): Glyph {
  return { unicode, box: { x0: x, y0: 91, x1: x + 10, y1: 101 }, ox: x, oy: 100, dx: 1, dy: 0, advance: 10, size: 10, font: "F", vertical: false, visible: true };
}

const vertical = (pos: number, start: number, end: number): Rule => ({ axis: "v", pos, start, end, thickness: 0.5 });
const horizontal = (pos: number, start: number, end: number): Rule => ({ axis: "h", pos, start, end, thickness: 0.5 });

// 「金額」 then 「合計」 10 pt apart: one run unless a ruling line passes between 額 and 合.
const line = [glyph("金", 0), glyph("額", 10), glyph("合", 21), glyph("計", 31)];

test("glyphs of one line with no ruling line between them are one run", () => {
  expect(runsFromGlyphs(line, []).map((r) => r.text)).toEqual(["金額合計"]);
});

test("a ruling line between two glyphs cuts the run, whatever the order the page's rules come in", () => {
  // The cutting rule (x = 20.5, spanning the baseline) comes between rules far to the
  // right and to the left, with one between the glyphs that does not reach the baseline.
  const rules = [vertical(60, 0, 200), vertical(20.5, 0, 50), vertical(20.5, 80, 120), horizontal(120, 0, 60), vertical(-5, 0, 200), vertical(-4, 0, 200), vertical(-3, 0, 200)];
  expect(runsFromGlyphs(line, rules).map((r) => r.text)).toEqual(["金額", "合計"]);
});

test("a ruling line that stops short of the baseline, or lies outside the pair, cuts nothing", () => {
  const rules = [vertical(20.5, 0, 50), vertical(20.5, 105, 200), vertical(45, 0, 200), vertical(-3, 0, 200)];
  expect(runsFromGlyphs(line, rules).map((r) => r.text)).toEqual(["金額合計"]);
});

test("emWidth: one em for CJK, full-width forms and CJK extension B, about half for Latin and half-width kana", () => {
  expect(["金", "あ", "Ａ", "１", "한", "𠮷", "a金"].map(emWidth)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  expect(["A", "1", "ｶ", "", "😀", "\ud842"].map(emWidth)).toEqual([0.55, 0.55, 0.55, 0.55, 0.55, 0.55]);
});
