/**
 * extractFacts on the real guidebook (07), slides (09) and pamphlet (10) in ../shared/corpus.
 *
 * Expected values were read off the pages rendered with `pdftoppm -png -r 100`. The region
 * of each fact is the box of the printed line that holds it, as poppler reports it
 * (`pdftotext -bbox-layout`), in points from the top left: the fact's box must lie inside.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { extractFacts } from "../../src/facts/extract.js";
import type { Fact, FactKind } from "../../src/facts/types.js";
import type { Box } from "../../src/model/page.js";
import { corpus, HAVE_CORPUS, readAll } from "../helpers.js";

const GUIDEBOOK = "07_jizokuka-hojokin_R6_guidebook_17th.pdf";
const SLIDES = "09_monodukuri-hojokin_20ji_koubo-youryou_GAIYOUBAN-ppt.pdf";
const PAMPHLET = "10_mhlw_career-up-joseikin_pamphlet_R7-07_tanjikan.pdf";

const facts = new Map<string, Fact[][]>();
beforeAll(async () => {
  if (!HAVE_CORPUS) return;
  for (const file of [GUIDEBOOK, SLIDES, PAMPHLET]) {
    const pages = await readAll(corpus(file));
    facts.set(file, pages.map((p) => extractFacts(p)));
  }
}, 120_000);
const onPage = (file: string, page: number): Fact[] => facts.get(file)![page - 1]!;

type Region = [number, number, number, number];
/** [page, kind, value, region (a printed line's box), what else the fact must say] */
type Expected = [page: number, kind: FactKind, value: number | string, region: Region, more?: Partial<Fact>];

/**
 * Inside the region, give or take 2 pt across and a quarter of the line's height up and
 * down: poppler's line box comes from the font's bounding box, kohyo's from its ascent
 * and descent, and they sit a few points apart.
 */
function inside(b: Box, [x0, y0, x1, y1]: Region): boolean {
  const dy = Math.max(2, (y1 - y0) / 4);
  return b.x0 >= x0 - 2 && b.x1 <= x1 + 2 && b.y0 >= y0 - dy && b.y1 <= y1 + dy;
}

function expectFact(file: string, [page, kind, value, region, more]: Expected): void {
  const candidates = onPage(file, page).filter((f) => f.kind === kind && f.value === value);
  const hit = candidates.find((f) => inside(f.box, region));
  expect(hit, `${kind} ${value} on p.${page} inside ${region}; found ${JSON.stringify(candidates.map((f) => f.box))}`).toBeDefined();
  if (more) expect(hit).toMatchObject(more);
}

describe.skipIf(!HAVE_CORPUS)("07 持続化補助金 guidebook", () => {
  const expected: Expected[] = [
    [1, "date", "2025-04-25", [205, 491, 341, 503], { text: "2025年４月25日" }],
    [3, "rate", 2 / 3, [224, 243, 437, 253], { text: "２／３" }],
    [3, "rate", 0.75, [224, 243, 437, 253], { text: "３／４" }],
    // 補助上限 │ ５０万円: the label in the first column makes it a ceiling.
    [3, "cap", 500_000, [314, 283, 348, 293], { detail: { unit: "万円", label: "上限" } }],
    [3, "amount", 500_000, [296, 315, 366, 325], { text: "50万円" }],
    [3, "amount", 1_500_000, [293, 352, 369, 362]],
    [3, "amount", 2_000_000, [292, 390, 369, 400]],
    [3, "rate", 0.75, [154, 660, 365, 672], { text: "3/4" }],
    [4, "amount", 500_000_000, [42, 238, 467, 250], { text: "５億円以上", detail: { unit: "億円", bound: "gte" } }],
    [4, "amount", 1_500_000_000, [60, 298, 227, 310], { text: "１５億円" }],
    [5, "rate", 0.25, [55, 364, 509, 375], { text: "１／４" }],
    [5, "cap", 500_000, [55, 364, 509, 375], { detail: { unit: "万円", label: "最大" } }],
    [5, "amount", 100_000, [36, 501, 502, 515], { detail: { unit: "万円", tax: "excluded" } }],
    [12, "amount", 1_000_000, [45, 334, 503, 347], { detail: { unit: "万円", tax: "included" } }],
    // 中古品の購入（５０万円 / （税抜）未満: the amount's tax and bound are on the next line.
    [12, "amount", 500_000, [45, 334, 505, 366], { detail: { unit: "万円", bound: "lt", tax: "excluded" } }],
    [15, "deadline", "2025-06-13", [287, 75, 382, 85], { detail: { precision: "day", weekday: "金", label: "締切" } }],
    [15, "deadline", "2025-06-03", [287, 92, 377, 102], { detail: { precision: "day", weekday: "火", label: "締切" } }],
    [15, "date", "2026-07-31", [287, 110, 451, 120]],
    [15, "deadline", "2026-08-10", [287, 128, 382, 138], { detail: { precision: "day", weekday: "月", label: "期限" } }],
    [15, "url", "https://www.jizokukanb.com/jizokuka_r6h/", [80, 402, 469, 416]],
    [15, "phone", "0366349307", [75, 520, 261, 534], { detail: { number: "03-6634-9307", phoneKind: "landline" } }],
    [15, "url", "https://r6.jizokukahojokin.info/", [75, 554, 382, 568]],
    [10, "url", "https://www.jizokuka-portal.info/", [183, 288, 368, 302]],
  ];
  test.each(expected)("p.%i: %s %s, inside the line that prints it", (...e) => expectFact(GUIDEBOOK, e));

  test("the schedule page (p.15) gives exactly its three deadlines, one date, one phone and two URLs", () => {
    expect(onPage(GUIDEBOOK, 15).map((f) => f.kind)).toEqual(["deadline", "deadline", "date", "deadline", "url", "phone", "url"]);
  });

  test("the table of contents (p.2) has no facts: P.2 … P.14 and the page number are not amounts or rates", () => {
    expect(onPage(GUIDEBOOK, 2)).toEqual([]);
  });

  test("p.3 gives its rates and amounts and nothing from （P.5参照） or the page number", () => {
    expect(onPage(GUIDEBOOK, 3).map((f) => [f.kind, f.value])).toEqual([
      ["rate", 2 / 3], ["rate", 0.75], ["cap", 500_000], ["amount", 500_000], ["amount", 1_500_000], ["amount", 2_000_000],
      ["amount", 50], ["rate", 0.75],
    ]);
  });

  test("head counts (５人以下, 20人以下) are not amounts (p.4)", () => {
    expect(onPage(GUIDEBOOK, 4).filter((f) => f.kind === "amount").map((f) => f.value)).toEqual([500_000_000, 1_500_000_000]);
  });

  test("no fact comes from the printed page numbers at the foot of any page", () => {
    expect(facts.get(GUIDEBOOK)!.flat().filter((f) => f.box.y0 > 735)).toEqual([]);
  });
});

describe.skipIf(!HAVE_CORPUS)("09 ものづくり補助金 公募要領 概要版 (slides)", () => {
  const expected: Expected[] = [
    [1, "dateRange", "--12-29", [88, 370, 581, 391], { to: "--01-03", text: "12/29～1/3" }],
    [1, "phone", "05038217013", [88, 392, 412, 413], { detail: { number: "050-3821-7013", phoneKind: "ip" } }],
    [1, "email", "kakunin@monohojo.info", [88, 413, 521, 435]],
    [1, "email", "monodukuri-r1-denshi@ml.nsw.co.jp", [160, 435, 683, 456]],
    [1, "date", "2025-04", [349, 483, 431, 501], { detail: { precision: "month" } }],
    [3, "date", "2025-04-25", [291, 403, 481, 424], { detail: { precision: "day", weekday: "金" } }],
    [3, "date", "2025-07-01", [183, 431, 531, 452], { detail: { precision: "day", weekday: "火", time: "17:00", qualifier: "from" } }],
    // 申請締切 │ ：2025年7月25日（金）17:00まで【厳守】
    [3, "deadline", "2025-07-25", [291, 459, 630, 480], { text: "2025年7月25日（金）17:00", detail: { precision: "day", weekday: "金", time: "17:00", label: "まで" } }],
    [6, "amount", 7_500_000, [200, 86, 246, 100]],
    [6, "amount", 25_000_000, [194, 151, 252, 165]],
    [6, "amount", 30_000_000, [560, 122, 612, 134]],
    [6, "rate", 2 / 3, [305, 140, 382, 154]],
    [6, "amount", 1_000_000, [169, 172, 671, 186], { to: 10_000_000, text: "100～1,000万円" }],
    [6, "rate", 2 / 3, [169, 194, 630, 208]],
    // A bar chart's label: 9,700 over 万円.
    [12, "amount", 97_000_000, [559, 276, 591, 304], { text: "9,700万円" }],
    [12, "fiscalYear", "2025-04-01/2026-03-31", [187, 418, 236, 430]],
    [15, "url", "https://ryouritsu.mhlw.go.jp/hiroba/search_int.php", [19, 498, 251, 509]],
    [18, "dateRange", "2023-10", [429, 337, 727, 355], { to: "2024-09", detail: { precision: "month" } }],
    [18, "cap", 2_500_000, [322, 226, 365, 238], { detail: { unit: "万円", label: "最大" } }],
    [18, "rate", 0.5, [519, 214, 637, 242]],
    [18, "rate", 2 / 3, [519, 214, 637, 242]],
  ];
  test.each(expected)("p.%i: %s %s, inside the line that prints it", (...e) => expectFact(SLIDES, e));

  test("the timeline's 4/25, 7/1 7/25, 2025 and 10月下旬頃 (p.3) are not facts: only the dated list below them is", () => {
    const p3 = onPage(SLIDES, 3);
    expect(p3.map((f) => [f.kind, f.value])).toEqual([
      ["date", "2025-04-25"], ["date", "2025-07-01"], ["deadline", "2025-07-25"], ["date", "2025-10"],
    ]);
    expect(p3.every((f) => f.box.y0 > 400)).toBe(true);
  });

  test("years without their era (8年2月, 13年4月 on p.27) are not dates", () => {
    expect(onPage(SLIDES, 27)).toEqual([]);
  });

  test("the table of contents (p.2) has no facts", () => {
    expect(onPage(SLIDES, 2)).toEqual([]);
  });
});

describe.skipIf(!HAVE_CORPUS)("10 キャリアアップ助成金 pamphlet", () => {
  const expected: Expected[] = [
    [1, "date", "2025-07", [408, 8, 549, 32], { text: "令和７年７月", detail: { precision: "month", era: { name: "令和", year: 7 } } }],
    [1, "date", "2025-07-01", [128, 716, 434, 737], { detail: { qualifier: "asOf" } }],
    [2, "cap", 750_000, [91, 50, 531, 88], { detail: { unit: "万円", label: "最大" } }],
    // 50 over 万円 in the table's first amount column.
    [2, "amount", 500_000, [160, 341, 182, 369]],
    [2, "date", "2025-10-01", [101, 538, 508, 549], { text: "令和７年10月１日" }],
    [2, "deadline", "2025-09-30", [101, 538, 508, 549], { text: "同年9月30日" }],
    [2, "date", "2025-06-30", [49, 791, 528, 801], { text: "同年６月30日" }],
    [3, "phone", "0120030045", [94, 788, 212, 811], { detail: { phoneKind: "toll-free" } }],
    [3, "amount", 88_000, [18, 331, 495, 340], { text: "8.8万円以上" }],
    [15, "deadline", "2026-03-31", [354, 161, 544, 172], { text: "令和７年度末" }],
    [15, "deadline", "2026-03-31", [34, 501, 499, 511], { text: "令和８年３月31日" }],
    [15, "rate", 0.75, [304, 461, 521, 470], { text: "３／４" }],
    [15, "amount", 104_000, [30, 487, 302, 497], { text: "10.4万円以下" }],
    [16, "amount", 100_000_000, [224, 696, 274, 708], { text: "１億円以下", detail: { unit: "億円", bound: "lte" } }],
    [16, "amount", 300_000_000, [224, 718, 274, 729]],
    [16, "amount", 50_000_000, [205, 653, 273, 664]],
    [18, "phone", "0120030045", [103, 377, 448, 406]],
    [18, "dateRange", "--12-29", [264, 403, 525, 412], { to: "--01-03" }],
  ];
  test.each(expected)("p.%i: %s %s, inside the line that prints it", (...e) => expectFact(PAMPHLET, e));

  test("the cover's form number ＰＬ０７０７０１Ｎｏ．１４ is no fact (p.1)", () => {
    expect(onPage(PAMPHLET, 1).map((f) => f.text)).toEqual(["令和７年７月", "令和７年７月１日"]);
  });

  test("the free-dial number is a phone only, never an amount or a date", () => {
    const withNumber = facts.get(PAMPHLET)!.flat().filter((f) => f.text.includes("0120"));
    expect(withNumber.map((f) => [f.page, f.kind])).toEqual([[3, "phone"], [18, "phone"]]);
  });

  test("head counts (30人, 50人以下, 100人以下) are not amounts (p.16)", () => {
    expect(onPage(PAMPHLET, 16).map((f) => [f.kind, f.value])).toEqual([
      ["amount", 50_000_000], ["amount", 50_000_000], ["amount", 100_000_000], ["amount", 300_000_000],
    ]);
  });

  test("明治29年法律第89号 gives the year only, and 第725条 nothing (p.4)", () => {
    expect(onPage(PAMPHLET, 4).filter((f) => f.box.y0 > 700).map((f) => [f.kind, f.value, f.text])).toEqual([["date", "1896", "明治29年"]]);
  });
});

describe.skipIf(!HAVE_CORPUS)("14 オンライン診療 医療機関一覧 (a ruled list)", () => {
  test("every number of the 電話番号 column is a phone, and the 郵便番号 cell to its left is no fact (p.1)", async () => {
    const [p1] = await readAll(corpus("14_mhlw_online-shinryo-iryokikan_kyoto_R2-04-26.pdf"));
    const found = extractFacts(p1!);
    expect(found.filter((f) => f.kind === "phone").map((f) => f.detail.number)).toEqual([
      "075-661-3400", "075-932-4112", "075-491-0050", "075-761-0316", "075-321-3711", "075-468-3712", "075-924-1187",
      "075-932-5015", "075-864-6778", "0773-76-3387", "075-253-6627", "075-982-8181", "075-661-5678",
    ]);
    expect(found.filter((f) => /^\d{3}-\d{4}$/.test(f.text))).toEqual([]);
    expect(found.find((f) => f.kind === "url")).toMatchObject({ value: "https://shibaji-clinic.com/" });
  });
});
