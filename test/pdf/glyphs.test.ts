/** A page's glyphs kept field by field (src/pdf/glyphs.ts GlyphList), as objects and back. */
import { expect, test } from "vitest";
import { type Glyph, GlyphList } from "../../src/pdf/glyphs.js";

/** A glyph of `size` pt on the baseline y, its left edge at x. */
function glyph(unicode: string, x: number, y = 100, size = 10, visible = true): Glyph {
  return { unicode, box: { x0: x, y0: y - 0.9 * size, x1: x + size, y1: y + 0.1 * size }, ox: x, oy: y, dx: 1, dy: 0, advance: size, size, font: "F", vertical: false, visible };
}

test("glyphs given as objects come back as the same objects, in order", () => {
  const glyphs = [glyph("令", 0), glyph("和", 10.25, 100, 10, false), { ...glyph("Ａ", 30, 200, 12.5), font: "G", dx: 0, dy: 1, vertical: true }, glyph("", 50)];
  const list = GlyphList.from(glyphs);
  expect(list.length).toBe(4);
  expect(list.toArray()).toEqual(glyphs);
  expect(list.glyph(1)).toEqual(glyphs[1]);
});

test("consecutive glyphs of the same direction, size, font and writing mode share one show; another one starts a new show", () => {
  const list = GlyphList.from([glyph("一", 0), glyph("二", 10), glyph("三", 20, 100, 11), glyph("四", 31, 100, 11), glyph("五", 42)]);
  expect(list.shows.map((s) => s.size)).toEqual([10, 11, 10]);
});

test("a list grows past its first room and keeps every glyph", () => {
  const many = Array.from({ length: 5000 }, (_, i) => glyph(String.fromCodePoint(0x4e00 + (i % 500)), (i % 50) * 10, 100 + Math.floor(i / 50) * 12));
  const list = GlyphList.from(many);
  expect(list.length).toBe(5000);
  expect(list.glyph(0)).toEqual(many[0]);
  expect(list.glyph(4999)).toEqual(many[4999]);
  expect(list.toArray()).toEqual(many);
});
