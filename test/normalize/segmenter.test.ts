/**
 * The lean kuromoji segmenter against kuromoji's own tokenizer: same words, and the cut of
 * the text looked up at each character longer than every word of the dictionary.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { expect, test } from "vitest";
import { LONGEST_WORD, loadSegmenter } from "../../src/normalize/segmenter.js";
import { loadTokenizer } from "../../src/normalize/targetGroups.js";
import { ROOT } from "../helpers.js";

const SEEDS = join(ROOT, "../shared/seeds");
const seedLines = (): string[] =>
  readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .flatMap((f) => readFileSync(join(SEEDS, f), "utf8").split("\n"))
    .filter((l) => l.trim() !== "");

test("every word of the dictionary is shorter than the cut the segmenter looks up (LONGEST_WORD)", () => {
  const dict = join(dirname(createRequire(import.meta.url).resolve("kuromoji/package.json")), "dict");
  // tid_pos.dat: one "surface,features…" string per word, each ending in a zero byte.
  const entries = gunzipSync(readFileSync(join(dict, "tid_pos.dat.gz")));
  let longest = 0;
  let count = 0;
  let start = 0;
  for (let i = 0; i < entries.length; i++) {
    if (entries[i] !== 0) continue;
    if (i > start) {
      const line = entries.subarray(start, i).toString("utf8");
      longest = Math.max(longest, line.slice(0, line.indexOf(",")).length);
      count++;
    }
    start = i + 1;
  }
  expect(count).toBeGreaterThan(390_000); // IPADIC's 392,126 entries
  expect(longest).toBeLessThanOrEqual(LONGEST_WORD);
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
