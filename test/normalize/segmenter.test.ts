/**
 * The lean kuromoji segmenter against kuromoji's own tokenizer: same words, and the cut of
 * the text looked up at each character longer than every word of the dictionary.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { expect, test } from "vitest";
import { loadSegmenter } from "../../src/normalize/segmenter.js";
import { loadTokenizer } from "../../src/normalize/targetGroups.js";
import { ROOT } from "../helpers.js";

const SEEDS = join(ROOT, "../shared/seeds");
const seedLines = (): string[] =>
  readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .flatMap((f) => readFileSync(join(SEEDS, f), "utf8").split("\n"))
    .filter((l) => l.trim() !== "");

/** A fixed pseudo-random sequence (the same strings on every run). */
function* seeded(seed: number): Generator<number> {
  for (let x = seed; ; ) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield x / 2 ** 31;
  }
}

test("the segmenter cuts mixed-script strings where kuromoji's tokenizer does (kanji, kana, half-width kana, Latin, digits, symbols, surrogate pairs)", async () => {
  // Pieces that start and end dictionary words, unknown runs of each grouping class, and
  // characters kuromoji counts differently (𠮷 is two UTF-16 units but one position).
  const pieces = ["若者", "就労", "支援", "高齢者", "の", "を", "する", "ため", "ラテン", "アメリカ", "ｶﾀｶﾅ", "ABC", "abc", "１２３", "123", "・", "ー", "（", "）", "𠮷", "𩸽", "😀", "ｱ", "漢", "☆", " ", "ヴ", "ゑ"];
  const random = seeded(7);
  const texts = Array.from({ length: 400 }, () => Array.from({ length: 1 + Math.floor(random.next().value! * 12) }, () => pieces[Math.floor(random.next().value! * pieces.length)]).join(""));
  const tokenizer = await loadTokenizer();
  const segmenter = loadSegmenter();
  const differ = texts.filter((t) => segmenter.segment(t).join("|") !== tokenizer.tokenize(t).map((w) => w.surface_form).join("|"));
  expect(differ).toEqual([]);
});

test("the segmenter cuts every line of the seed documents where kuromoji's tokenizer does", async () => {
  const lines = seedLines();
  expect(lines.length).toBeGreaterThan(1000);
  const tokenizer = await loadTokenizer();
  const segmenter = loadSegmenter();
  const differ = lines.filter((l) => segmenter.segment(l).join("|") !== tokenizer.tokenize(l).map((t) => t.surface_form).join("|"));
  expect(differ).toEqual([]);
});

test("words joined give the text back, long clauses, odd characters and surrogate pairs included", () => {
  const s = loadSegmenter();
  for (const text of ["若者の就労支援", "𠮷野家で働く高齢者、障がい者。ABCＤＥＦ１２３", "あ".repeat(300), "", "、。、。"]) {
    expect(s.segment(text).join("")).toBe(text);
  }
  expect(s.segment("若者の就労支援")).toEqual(["若者", "の", "就労", "支援"]);
});
