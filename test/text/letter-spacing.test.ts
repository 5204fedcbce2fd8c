import { expect, test } from "vitest";
import type { TextRun } from "../../src/model/page.js";
import { joinLetterSpaced } from "../../src/text/letterSpacing.js";

const run = (text: string, x0: number, y0 = 100, size = 10): TextRun => ({
  text, raw: text, box: { x0, y0, x1: x0 + size * [...text].length, y1: y0 + size }, font: "F", size, vertical: false,
});
const texts = (runs: TextRun[]) => runs.map((r) => r.text);

test("letters at one pitch with gaps of a few ems are one word: 経 費 の 減 額", () => {
  expect(texts(joinLetterSpaced(["経", "費", "の", "減", "額"].map((c, i) => run(c, 50 + 25 * i))))).toEqual(["経費の減額"]);
});

test("a widely spaced word stretched to the width of the label above it is one word (均等割付)", () => {
  const label = run("国債整理基金特別会計", 100, 80);
  const spread = ["公", "債", "金"].map((c, i) => run(c, 100 + 45 * i));
  expect(texts(joinLetterSpaced([label, ...spread]))).toEqual(["国債整理基金特別会計", "公債金"]);
});

test("marks filling columns (○ × ○) and widely spaced letters that line up with nothing stay apart", () => {
  expect(texts(joinLetterSpaced(["○", "×", "○"].map((c, i) => run(c, 50 + 25 * i))))).toEqual(["○", "×", "○"]);
  expect(texts(joinLetterSpaced(["有", "無", "有"].map((c, i) => run(c, 50 + 80 * i))))).toEqual(["有", "無", "有"]);
});

test("a pitch that changes ends the word; a marker before it is not part of it", () => {
  const runs = [run("⑵", 20), ...["特", "例"].map((c, i) => run(c, 50 + 25 * i)), run("億", 200)];
  expect(texts(joinLetterSpaced(runs))).toEqual(["⑵", "特", "例", "億"]);
});
