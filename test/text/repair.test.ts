import { describe, expect, test } from "vitest";
import { dropControls, repairText, replaceRadicals, widenHalfwidthKana } from "../../src/text/repair.js";
import { dropFakeBoldCopies } from "../../src/text/fakeBold.js";
import type { TextRun } from "../../src/model/page.js";

describe("radicals → unified ideographs", () => {
  test.each([
    // seed 002 line 4035 prints 伴⾛支援 with the Kangxi radical U+2F9B.
    ["伴⾛支援", "伴走支援"],
    ["補助⾦", "補助金"], // U+2FA6
    ["交付⽇", "交付日"], // U+2F47
    ["⼈材", "人材"], // U+2F08
    ["⼿続", "手続"], // U+2F3F
    // CJK Radicals Supplement has no NFKC mapping; EquivalentUnifiedIdeograph does.
    ["⻄日本", "西日本"], // U+2EC4
    ["⻑期", "長期"], // U+2ED1
    ["⺠間", "民間"], // U+2EA0
  ])("%s → %s", (raw, expected) => {
    expect(replaceRadicals(raw)).toBe(expected);
    expect(repairText(raw)).toBe(expected);
  });

  test("ordinary kanji and symbols are untouched (no blanket NFKC)", () => {
    const s = "①②㈱½ＡＢＣ１２３　全角スペース";
    expect(repairText(s)).toBe(s);
  });
});

describe("half-width katakana → full-width", () => {
  test.each([
    ["ｷｬﾘｱｱｯﾌﾟ助成金", "キャリアアップ助成金"],
    ["ｶﾞｲﾄﾞﾌﾞｯｸ", "ガイドブック"],
    ["ﾊﾟﾝﾌﾚｯﾄ", "パンフレット"],
    // corpus 10 p.10 prints ｢…｣ and ･･･ in half-width.
    ["｢短時間労働者｣", "「短時間労働者」"],
    ["場合･･･６か月", "場合・・・６か月"],
    ["ﾃﾞｰﾀ", "データ"],
  ])("%s → %s", (raw, expected) => {
    expect(widenHalfwidthKana(raw)).toBe(expected);
  });

  test("half-width Latin and digits stay half-width", () => {
    expect(repairText("R5.4.1 ABC-123")).toBe("R5.4.1 ABC-123");
  });
});

describe("control characters", () => {
  test("C0/C1 controls and zero-width characters are dropped", () => {
    expect(dropControls("合\u0000計\u0007\u200b\ufeff")).toBe("合計");
    expect(dropControls("a\u0085b\u00adc")).toBe("abc");
  });
  test("tab and newline become a space", () => {
    expect(dropControls("事業\t内容\n")).toBe("事業 内容 ");
  });
});

describe("fake bold", () => {
  const run = (text: string, x0: number, y0: number): TextRun => ({
    text,
    raw: text,
    box: { x0, y0, x1: x0 + 28, y1: y0 + 14 },
    font: "F",
    size: 14,
    vertical: false,
  });
  test("a copy drawn within a point of the original is dropped", () => {
    const runs = [run("合計", 300, 70), run("合計", 300.4, 70.2)];
    expect(dropFakeBoldCopies(runs)).toEqual([runs[0]]);
  });
  test("the same text drawn elsewhere on the page is kept", () => {
    const runs = [run("小計", 300, 130), run("小計", 400, 130), run("小計", 300, 160)];
    expect(dropFakeBoldCopies(runs)).toHaveLength(3);
  });
});
