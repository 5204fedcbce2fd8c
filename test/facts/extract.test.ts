/** extractFacts on pages laid out by hand: wrapped facts, units under numbers, labels, boxes. */
import { expect, test } from "vitest";
import { extractFacts } from "../../src/facts/extract.js";
import type { Box, TextRun } from "../../src/model/page.js";

/** A horizontal run; full-width characters one em wide unless `edges` say otherwise. */
function run(text: string, x0: number, y0: number, size: number, x1?: number, edges?: number[]): TextRun {
  const width = Array.from(text).reduce((w, c) => w + (/[\x20-\x7e]/.test(c) ? 0.5 : 1), 0) * size;
  const box: Box = { x0, y0, x1: x1 ?? x0 + width, y1: y0 + size };
  return { text, raw: text, box, font: "Test", size, vertical: false, ...(edges && { edges }) };
}
const page = (...runs: TextRun[]) => ({ number: 1, runs });

test("a date broken over two lines (令和7年 / 4月1日) is one date with both pieces' box", () => {
  const facts = extractFacts(page(run("受付開始は令和7年", 100, 100, 12), run("4月1日からです。", 100, 116, 12)));
  expect(facts.map((f) => [f.kind, f.value, f.text])).toEqual([["date", "2025-04-01", "令和7年4月1日"]]);
  const { box } = facts[0]!;
  expect(box.y0).toBe(100);
  expect(box.y1).toBe(128);
  expect(box.x0).toBeGreaterThanOrEqual(100);
  expect(facts[0]!.line).toBe("受付開始は令和7年4月1日からです。");
});

test("a URL wrapped after a slash is one URL; a line that goes on with a word is not part of it", () => {
  const wrapped = extractFacts(page(run("詳細：https://www.example.go.jp/", 50, 100, 10), run("content/000123.pdf をご覧ください", 50, 113, 10)));
  expect(wrapped.map((f) => f.value)).toEqual(["https://www.example.go.jp/content/000123.pdf"]);
  const word = extractFacts(page(run("申請：https://www.example.go.jp/", 50, 100, 10), run("GビズIDが必要です", 50, 113, 10)));
  expect(word.map((f) => f.value)).toEqual(["https://www.example.go.jp/"]);
});

test("lines far apart, or not one under the other, are not read together", () => {
  const apart = extractFacts(page(run("受付開始は令和7年", 100, 100, 12), run("4月1日からです。", 100, 140, 12)));
  expect(apart.map((f) => f.value)).toEqual(["2025", "--04-01"]);
  const aside = extractFacts(page(run("受付開始は令和7年", 100, 100, 12), run("4月1日からです。", 300, 116, 12)));
  expect(aside.map((f) => f.value)).toEqual(["2025", "--04-01"]);
});

test("a yen unit printed under a number (a chart label, 09 p11) makes one amount", () => {
  // 09 p12 as printed: 9,700 over 万円, 14 pt.
  const facts = extractFacts(page(run("9,700", 558.7, 276.1, 14, 590.7), run("万円", 560.6, 292.6, 14, 588.7)));
  expect(facts.map((f) => [f.kind, f.value, f.text])).toEqual([["amount", 97_000_000, "9,700万円"]]);
  expect(facts[0]!.box).toEqual({ x0: 558.7, y0: 276.1, x1: 590.7, y1: 306.6 });
});

test("a row of numbers, each over its own 万円 (10 p2), gives one amount per column", () => {
  // 10 p2: 4時間以上5時間未満 │ ５％以上 │ 50 │ 40 │ 30, and 万円 under each number in 10 pt.
  const facts = extractFacts(page(
    run("4時間以上5時間未満", 16.8, 345.7, 9),
    run("５％以上", 107.8, 345.7, 9),
    run("50", 160.3, 345.7, 14.04, 181.3),
    run("40", 200.7, 345.7, 14.04, 221.8),
    run("30", 241.2, 345.7, 14.04, 262.2),
    run("万円", 159.8, 360.9, 9.96, 181.8),
    run("万円", 200.3, 360.9, 9.96, 222.2),
    run("万円", 240.7, 360.9, 9.96, 262.6),
  ));
  expect(facts.map((f) => [f.kind, f.value])).toEqual([["rate", 0.05], ["amount", 500_000], ["amount", 400_000], ["amount", 300_000]]);
});

test("a 万円 that is not under a bare number is not joined to anything", () => {
  // Off to the side of the number, and under a number that is a head count.
  expect(extractFacts(page(run("50", 100, 100, 14, 121), run("万円", 200, 115, 10, 222)))).toEqual([]);
  expect(extractFacts(page(run("50人", 100, 100, 14, 135), run("万円", 100, 115, 10, 122)))).toEqual([]);
});

test("a table's first column labels the value beside it (07 p15: 申請受付締切日 │ 2025年6月13日（金）)", () => {
  const facts = extractFacts(page(
    run("申請受付締切日", 125.6, 74.6, 9.98),
    run("2０２5年6月13日（金）", 287.0, 74.6, 9.98),
    run("事業実施期間", 125.6, 110.0, 9.96),
    run("交付決定日から２０２6年7月31日（金）", 287.0, 110.0, 9.96),
  ));
  expect(facts.map((f) => [f.kind, f.value])).toEqual([["deadline", "2025-06-13"], ["date", "2026-07-31"]]);
});

test("with glyph edges a fact's box is its own characters' box", () => {
  // お問合せ先：03-6634-9307 with the glyph edges of a proportional font (kana narrower than 1 em).
  const text = "お問合せ先：03-6634-9307";
  const edges = [75.3, 87.2, 100.1, 113.0, 124.8, 137.6, 150.0];
  for (let i = 0; i < 12; i++) edges.push(150.0 + (i + 1) * 9.21);
  const [phone] = extractFacts(page(run(text, 75.3, 520.0, 14.06, 260.52, edges)));
  expect(phone).toMatchObject({ kind: "phone", value: "0366349307" });
  expect(phone!.box).toEqual({ x0: 150.0, y0: 520.0, x1: 260.52, y1: 534.06 });
});

test("without edges a run's box is shared out: full-width characters one em, the rest the run's average", () => {
  // 13 full-width characters in 9 pt, then 同年9月30日まで: 20 full-width and 3 digits in 193.5 pt,
  // so a digit is (193.5 − 20 × 9) / 3 = 4.5 pt and 同 starts at 100 + 13 × 9 = 217.
  const [f] = extractFacts(page(run("社会保険加入日の前日まで：同年9月30日まで", 100, 500, 9)));
  expect(f).toMatchObject({ kind: "deadline", value: "--09-30", text: "同年9月30日" });
  expect(f!.box).toEqual({ x0: 217, y0: 500, x1: 217 + 4 * 9 + 3 * 4.5, y1: 509 });
});

test("facts come in reading order, each with its page number", () => {
  const facts = extractFacts({ number: 7, runs: [run("TEL 03-1234-5678", 50, 300, 10), run("補助上限額：50万円", 50, 100, 10)] });
  expect(facts.map((f) => [f.page, f.kind])).toEqual([[7, "cap"], [7, "phone"]]);
});
