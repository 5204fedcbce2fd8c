/** scanFacts on small strings: what is a fact, what it says, and what must not be one. */
import { expect, test } from "vitest";
import { scanFacts } from "../../src/facts/scan.js";

const facts = (text: string, label?: string) =>
  scanFacts(text, label === undefined ? {} : { label }).map((f) => ({ kind: f.kind, text: f.text, value: f.value, ...(f.to !== undefined && { to: f.to }) }));

// [where the text is printed, text, the facts it holds]
const found: Array<[string, string, ReturnType<typeof facts>]> = [
  ["07 p3 (補助率)", "２／３（賃金引上げ特例のうち赤字事業者は３／４）", [
    { kind: "rate", text: "２／３", value: 2 / 3 },
    { kind: "rate", text: "３／４", value: 0.75 },
  ]],
  ["09 p3 (申請締切)", "：2025年7月25日（金）17:00まで【厳守】", [{ kind: "deadline", text: "2025年7月25日（金）17:00", value: "2025-07-25" }]],
  ["09 p3 (電子申請受付)", "電子申請受付：2025年7月1日（火）17:00～", [{ kind: "date", text: "2025年7月1日（火）17:00", value: "2025-07-01" }]],
  ["09 p1 (受付時間)", "受付時間：10:00～17:00（土日祝日および12/29～1/3を除く）", [{ kind: "dateRange", text: "12/29～1/3", value: "--12-29", to: "--01-03" }]],
  ["09 p1 (電話番号, full width)", "電話番号：０５０－３８２１－７０１３", [{ kind: "phone", text: "０５０－３８２１－７０１３", value: "05038217013" }]],
  ["09 p1 (メール)", "メール：（公募要領について）kakunin@monohojo.info", [{ kind: "email", text: "kakunin@monohojo.info", value: "kakunin@monohojo.info" }]],
  ["07 p15 (事務局HP)", "事務局HP：https://www.jizokukanb.com/jizokuka_r6h/", [
    { kind: "url", text: "https://www.jizokukanb.com/jizokuka_r6h/", value: "https://www.jizokukanb.com/jizokuka_r6h/" },
  ]],
  ["10 p2 (同年 takes the year before it)", "※本コースの場合、社会保険加入日の前日まで（令和７年10月１日加入の場合、同年9月30日まで）", [
    { kind: "date", text: "令和７年10月１日", value: "2025-10-01" },
    { kind: "deadline", text: "同年9月30日", value: "2025-09-30" },
  ]],
  ["09 p18 (a range of months)", "2023年10月から2024年9月までの間で", [{ kind: "dateRange", text: "2023年10月から2024年9月", value: "2023-10", to: "2024-09" }]],
  ["09 p6 (the unit of the far end applies to both)", "補助上限額を100～1,000万円上乗せします。", [{ kind: "amount", text: "100～1,000万円", value: 1_000_000, to: 10_000_000 }]],
  ["09 p18", "100万円-1,000万円UP", [{ kind: "amount", text: "100万円-1,000万円", value: 1_000_000, to: 10_000_000 }]],
  ["10 p2 (最大 is a ceiling)", "労働者１人につき最大75万円助成します！", [{ kind: "cap", text: "75万円", value: 750_000 }]],
  ["10 p15 (年度末 is a day)", "令和７年度末までに対象労働者に社会保険", [{ kind: "deadline", text: "令和７年度末", value: "2026-03-31" }]],
  ["10 p15", "コースは、令和８年度以降も継続", [{ kind: "fiscalYear", text: "令和８年度", value: "2026-04-01/2027-03-31" }]],
  ["10 p17 (western year with its era)", "◆ 2023(令和５)年12月18日から、キャリアアップ計画および変更", [{ kind: "date", text: "2023(令和５)年12月18日", value: "2023-12-18" }]],
  ["07 p6 (から between two dates)", "2021年9月30日から2023年9月30日の属する課税期間", [
    { kind: "dateRange", text: "2021年9月30日から2023年9月30日", value: "2021-09-30", to: "2023-09-30" },
  ]],
  ["09 p7", "年平均成長率を2.0%以上増加", [{ kind: "rate", text: "2.0%以上", value: 0.02 }]],
  ["07 p5 (a rate, then a ceiling in brackets)", "助金総額の１／４（最大５０万円）を上限とします", [
    { kind: "rate", text: "１／４", value: 0.25 },
    { kind: "cap", text: "５０万円", value: 500_000 },
  ]],
  ["07 p5 (税抜 belongs to the amount)", "特に10万円（税抜）を超える支払い", [{ kind: "amount", text: "10万円（税抜）", value: 100_000 }]],
  ["07 p1", "第１版（2025年４月25日）", [{ kind: "date", text: "2025年４月25日", value: "2025-04-25" }]],
  ["07 p15 (mixed-width digits)", "2０２5年6月13日（金）", [{ kind: "date", text: "2０２5年6月13日（金）", value: "2025-06-13" }]],
  ["09 p21 (分の)", "上限額＝補助対象経費総額(税抜)の２分の１", [{ kind: "rate", text: "２分の１", value: 0.5 }]],
  ["seed 004 (億円 with a decimal)", "R5補正予算3.6億円", [{ kind: "amount", text: "3.6億円", value: 360_000_000 }]],
  ["kanji numerals", "三千万円を上限とする", [{ kind: "cap", text: "三千万円", value: 30_000_000 }]],
  ["R-dates", "申請はR7.4.1まで", [{ kind: "deadline", text: "R7.4.1", value: "2025-04-01" }]],
  ["a range in one era", "令和６年４月23日～７月26日", [{ kind: "dateRange", text: "令和６年４月23日～７月26日", value: "2024-04-23", to: "2024-07-26" }]],
  ["fiscal years, a range", "令和4年度から6年度まで", [{ kind: "fiscalYear", text: "令和4年度から6年度", value: "2022-04-01/2025-03-31" }]],
  ["a URL before Japanese punctuation", "詳細はhttps://www.mhlw.go.jp/stf/index.html。", [
    { kind: "url", text: "https://www.mhlw.go.jp/stf/index.html", value: "https://www.mhlw.go.jp/stf/index.html" },
  ]],
  ["a phone with its extension", "TEL 03-1234-5678（内線216）", [{ kind: "phone", text: "03-1234-5678（内線216）", value: "0312345678" }]],
];

test.each(found)("%s: %s", (_where, text, expected) => {
  expect(facts(text)).toEqual(expected);
});

// Things printed on the corpus pages that are not facts.
const notFacts: Array<[string, string]> = [
  ["07 p2: a table of contents' page reference", "⚫ 補助率・補助上限額は？ P.2"],
  ["07 p3: a page reference with a range", "※ただし、両特例要件（P.5～6）を満たしている場合に限る"],
  ["07 p15: 第17回", "第17回 受付締切分"],
  ["07 p15: opening hours", "受付時間：9:00～12:00、13:00～17:00（土日祝日、年末年始除く）"],
  ["07 p4: a head count", "常時使用する従業員の数５人以下"],
  ["09 p1: 第20次", "第20次公募要領概要版"],
  ["09 p3: dates on a timeline without year or weekday (not rates either)", "7/1 7/25"],
  ["09 p3: a timeline's year alone", "2025"],
  ["09 p3: a month without a year", "10月下旬頃"],
  ["09 p27: a year without its era", "（例１）決算月が2月で、額の確定を8年2月に受けた場合"],
  ["09 p7: a time span", "3-5年の事業計画期間中、毎年"],
  ["09 p23: a prize's year in its name", "「健康経営優良法人2025」に認定された事業者"],
  ["10 p1: a form number", "ＰＬ０７０７０１Ｎｏ．１４"],
  ["10 p15: digits spaced apart", "賃金を 1 8 ％以上増額 3 年目"],
  ["a unit note", "（単位：千円）"],
  ["a unit word", "百万円単位で記載"],
  ["two numbers in two cells", "20 20円"],
  ["a chapter", "第2章 事業の概要"],
];

test.each(notFacts)("%s is no fact", (_where, text) => {
  expect(facts(text)).toEqual([]);
});

test("a phone number is a phone only: not an amount, a date or a range", () => {
  expect(facts("お問合せ先：03-6634-9307")).toEqual([{ kind: "phone", text: "03-6634-9307", value: "0366349307" }]);
  expect(facts("0120-030-045 受付時間平日８:３０～１８：１５").map((f) => f.kind)).toEqual(["phone"]);
});

test("1/2 with a weekday is a date (--01-02), not a rate", () => {
  expect(facts("1/2(月)は休業")).toEqual([{ kind: "date", text: "1/2(月)", value: "--01-02" }]);
  expect(facts("補助率は1/2以内")).toEqual([{ kind: "rate", text: "1/2以内", value: 0.5 }]);
});

test("a fraction after a label's colon is a rate; after a time it is none", () => {
  expect(facts("補助率：1/2等")).toEqual([{ kind: "rate", text: "1/2", value: 0.5 }]);
  expect(facts("補助率: ２／３")).toEqual([{ kind: "rate", text: "２／３", value: 2 / 3 }]);
  expect(facts("9:30/2")).toEqual([]);
});

test("a day written 10.13 with its weekday is a date, also as a range's end; without one it is a number", () => {
  // Guidebook sample p.20 (seed p.20): 募集期間 2024.8.21(月)～10.13(金).
  expect(facts("2024.8.21(月)～10.13(金)")).toEqual([{ kind: "dateRange", text: "2024.8.21(月)～10.13(金)", value: "2024-08-21", to: "2024-10-13" }]);
  expect(facts("10.13(金)締切")).toEqual([{ kind: "deadline", text: "10.13(金)", value: "--10-13" }]);
  expect(facts("10.13")).toEqual([]);
});

test("a fraction that cannot be a subsidy rate (4/25, 7/1) is none", () => {
  expect(facts("4/25")).toEqual([]);
  expect(facts("3/2")).toEqual([]);
});

test("a year with 年 is a date of year precision; with 年度 a fiscal year", () => {
  const [year] = scanFacts("民法（明治29年法律第89号）");
  expect(year).toMatchObject({ kind: "date", value: "1896", detail: { precision: "year", era: { name: "明治", year: 29 } } });
  expect(scanFacts("民法（明治29年法律第89号）")).toHaveLength(1);
  expect(scanFacts("2019年度・2024年度").map((f) => f.value)).toEqual(["2019-04-01/2020-03-31", "2024-04-01/2025-03-31"]);
});

test("a label to the left (a table's first column) makes a deadline or a ceiling", () => {
  // 07 p15: 申請受付締切日 │ 2025年6月13日（金）; 07 p3: 補助上限 │ ５０万円.
  expect(scanFacts("2０２5年6月13日（金）", { label: "申請受付締切日" })[0]).toMatchObject({ kind: "deadline", value: "2025-06-13", detail: { label: "締切" } });
  expect(scanFacts("２０２6年8月10日（月）", { label: "実績報告書提出期限" })[0]).toMatchObject({ kind: "deadline", detail: { label: "期限" } });
  expect(scanFacts("５０万円", { label: "補助上限" })[0]).toMatchObject({ kind: "cap", value: 500_000, detail: { label: "上限" } });
  // The label counts only for a value at the start of the cell.
  expect(scanFacts("交付決定日から２０２6年7月31日（金）", { label: "事業実施期間" })[0]!.kind).toBe("date");
  expect(scanFacts("５０万円上乗せ", { label: "インボイス特例" })[0]!.kind).toBe("amount");
});

test("details: time, weekday, bound, tax, extension, phone kind", () => {
  expect(scanFacts("2025年7月25日（金）17:00まで")[0]!.detail).toEqual({ precision: "day", weekday: "金", time: "17:00", label: "まで" });
  expect(scanFacts("５０万円（税抜）未満")[0]!.detail).toEqual({ unit: "万円", bound: "lt", tax: "excluded" });
  expect(scanFacts("TEL 03-1234-5678（内線216）")[0]!.detail).toEqual({ number: "03-1234-5678", phoneKind: "landline", extension: "216" });
  expect(scanFacts("FAX：03-1234-5679")[0]!.detail).toMatchObject({ label: "FAX" });
  expect(scanFacts("0120-030-045")[0]!.detail.phoneKind).toBe("toll-free");
  expect(scanFacts("令和７年７月１日現在")[0]!.detail.qualifier).toBe("asOf");
});

test("a printed weekday that is not the date's is kept as a warning on the fact", () => {
  const [f] = scanFacts("2024.8.21(月)");
  expect(f).toMatchObject({ kind: "date", value: "2024-08-21" });
  expect(f!.problems.map((p) => p.rule)).toEqual(["date/weekday-mismatch"]);
  // A day without its year cannot be checked against its weekday.
  expect(scanFacts("12/27(月)")[0]!.problems).toEqual([]);
});

test("offsets point at the printed text", () => {
  const text = "補助上限額：3,000万円（税抜）/事業、補助率2/3以内";
  for (const f of scanFacts(text)) expect(text.slice(f.start, f.end)).toBe(f.text);
});

test("a weekday printed with spaces inside its brackets is the date's weekday", () => {
  // As Word and Excel print a centred （ 金 ）: the date, its weekday and a wrong one's warning.
  expect(scanFacts("2025年7月25日（ 金 ）17:00まで")[0]).toMatchObject({ kind: "deadline", value: "2025-07-25", text: "2025年7月25日（ 金 ）17:00", detail: { weekday: "金", time: "17:00" } });
  expect(scanFacts("4/25 ( 金 )")[0]).toMatchObject({ kind: "date", value: "--04-25", detail: { weekday: "金" } });
  expect(scanFacts("2025年7月25日【 月 】")[0]!.problems.map((p) => p.rule)).toEqual(["date/weekday-mismatch"]);
});
