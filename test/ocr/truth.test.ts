/**
 * The hand-read truth of corpus 25 (test/ocr/truth-25.json) adds up as the pages print it:
 * a check on the reading, before any OCR is measured against it.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";

const truth = JSON.parse(readFileSync(new URL("./truth-25.json", import.meta.url), "utf8")) as { pages: Record<string, { rows: string[][] }> };
const v = (s: string) => Number(s.replace(/,/g, "").replace("△", "-"));

test("corpus 25 truth: the balance sheet's, the P/L's and the expense list's printed totals hold", () => {
  const p9 = new Map(truth.pages["9"]!.rows.flatMap((r) => [[r[0]!, r[1]!], [r[2]!, r[3]!]]).filter(([, x]) => x) as [string, string][]);
  const sum = (...k: string[]) => k.reduce((a, name) => a + v(p9.get(name)!), 0);
  expect(sum("現金及び預金", "売掛金", "クレジット売掛金", "商品", "貯蔵品", "立替金", "前払費用", "未収収益", "未収入金", "保険積立金", "商品券")).toBe(v(p9.get("流動資産")!));
  expect(sum("流動資産", "固定資産", "繰延資産")).toBe(v(p9.get("資産合計")!));
  expect(sum("負債合計", "純資産合計")).toBe(v(p9.get("負債・純資産合計")!));
  const p10 = truth.pages["10"]!.rows;
  expect(v(p10[0]![1]!) + v(p10[1]![1]!) + v(p10[2]![1]!)).toBe(v(p10[2]![2]!));
  expect(v(p10.find((r) => r[0] === "当期純損失金額")![2]!)).toBe(-9084168);
  const p11 = truth.pages["11"]!.rows;
  expect(p11.slice(0, -1).reduce((a, r) => a + v(r[1]!), 0)).toBe(v(p11.at(-1)![2]!));
  const numeric = Object.values(truth.pages).flatMap((p) => p.rows.flat()).filter((c) => /^△?[\d,]+$/.test(c));
  expect(numeric).toHaveLength(120);
});
