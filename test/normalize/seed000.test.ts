/**
 * Every value of seed 000's rows (東京都地域人材確保総合支援事業 計画書 令和５年度,
 * （単位：千円、人）, line 2): amounts, targets, start dates, municipalities
 * and phones, plus the column totals printed on lines 509 and 611.
 */
import { expect, test } from "vitest";
import { lookupMunicipality, parseAmount, parseContact, parseDate, parseNumber, parseUnitNote } from "../../src/normalize/index.js";

interface Row {
  no: string;
  line: number;
  name: string;
  code: string;
  /** 事業額 and 補助金申請額 as printed; null where the merged cell floated away from the row. */
  amounts: [string, string] | null;
  yen: [number, number] | null;
  /** 雇用・就業者数, 人材獲得事業所数, 支援事業所数 as printed. */
  targets: string;
  expectedTargets: Array<number | null>;
  date: string;
  phone: string | null;
  digits: string | null;
}

const D = "令和5年4月1日";
const rows: Row[] = [
  { no: "1", line: 12, name: "中央区", code: "131024", amounts: ["11,433", "5,717"], yen: [11433000, 5717000], targets: "20 20 -", expectedTargets: [20, 20, null], date: D, phone: "03-3546-5329", digits: "0335465329" },
  { no: "2", line: 29, name: "港区", code: "131032", amounts: ["5,704", "2,852"], yen: [5704000, 2852000], targets: "20 8 -", expectedTargets: [20, 8, null], date: D, phone: "03-3578-2196", digits: "0335782196" },
  { no: "3", line: 43, name: "新宿区", code: "131041", amounts: ["18,997", "9,499"], yen: [18997000, 9499000], targets: "35 20 -", expectedTargets: [35, 20, null], date: D, phone: "03-5273-3925", digits: "0352733925" },
  { no: "4", line: 56, name: "墨田区", code: "131075", amounts: ["10,186", "5,093"], yen: [10186000, 5093000], targets: "20 20 -", expectedTargets: [20, 20, null], date: D, phone: "03-5608-6185", digits: "0356086185" },
  // Row 5's merged 事業額 cell floated to lines 350/356 (seeds/README.md: 江東区 5–7: 15,876 / 7,938).
  { no: "5", line: 71, name: "江東区", code: "131083", amounts: ["15,876", "7,938"], yen: [15876000, 7938000], targets: "700 230 -", expectedTargets: [700, 230, null], date: D, phone: "03-3647-9167", digits: "0336479167" },
  { no: "6", line: 87, name: "江東区", code: "131083", amounts: null, yen: null, targets: "2 - -", expectedTargets: [2, null, null], date: D, phone: "03-3647-9167", digits: "0336479167" },
  { no: "7", line: 104, name: "江東区", code: "131083", amounts: null, yen: null, targets: "- - 15", expectedTargets: [null, null, 15], date: D, phone: "03-3647-9167", digits: "0336479167" },
  { no: "8", line: 121, name: "品川区", code: "131091", amounts: ["17,166", "8,583"], yen: [17166000, 8583000], targets: "5 5 -", expectedTargets: [5, 5, null], date: D, phone: "03-5498-6351", digits: "0354986351" },
  { no: "9", line: 141, name: "世田谷区", code: "131121", amounts: null, yen: null, targets: "55 55 -", expectedTargets: [55, 55, null], date: D, phone: "03-3411-6662", digits: "0334116662" },
  { no: "10", line: 157, name: "世田谷区", code: "131121", amounts: null, yen: null, targets: "25 - -", expectedTargets: [25, null, null], date: D, phone: "03-3411-6662", digits: "0334116662" },
  { no: "11", line: 175, name: "世田谷区", code: "131121", amounts: null, yen: null, targets: "- - 35", expectedTargets: [null, null, 35], date: D, phone: "03-3411-6662", digits: "0334116662" },
  { no: "12", line: 190, name: "北区", code: "131172", amounts: null, yen: null, targets: "2 2 -", expectedTargets: [2, 2, null], date: D, phone: "03-5390-1234", digits: "0353901234" },
  { no: "13", line: 203, name: "北区", code: "131172", amounts: null, yen: null, targets: "- - 2", expectedTargets: [null, null, 2], date: D, phone: "03-5390-1234", digits: "0353901234" },
  { no: "14", line: 222, name: "荒川区", code: "131181", amounts: null, yen: null, targets: "40 - -", expectedTargets: [40, null, null], date: D, phone: "03-3800-8710", digits: "0338008710" },
  { no: "15", line: 235, name: "荒川区", code: "131181", amounts: null, yen: null, targets: "- - 12", expectedTargets: [null, null, 12], date: D, phone: "03-3800-8710", digits: "0338008710" },
  { no: "16", line: 251, name: "板橋区", code: "131199", amounts: ["30,000", "15,000"], yen: [30000000, 15000000], targets: "20 20 -", expectedTargets: [20, 20, null], date: "令和5年5月1日", phone: "03-3579-2172", digits: "0335792172" },
  { no: "17", line: 268, name: "練馬区", code: "131202", amounts: ["17,835", "8,918"], yen: [17835000, 8918000], targets: "90 50 -", expectedTargets: [90, 50, null], date: D, phone: "03-5984-2447", digits: "0359842447" },
  { no: "18", line: 286, name: "足立区", code: "131211", amounts: ["39,426", "19,713"], yen: [39426000, 19713000], targets: "20 - -", expectedTargets: [20, null, null], date: "令和5年6月1日", phone: "03-3880-5886", digits: "0338805886" },
  { no: "19", line: 307, name: "葛飾区", code: "131229", amounts: null, yen: null, targets: "74 35 -", expectedTargets: [74, 35, null], date: D, phone: "03-3838-5554", digits: "0338385554" },
  { no: "20", line: 327, name: "葛飾区", code: "131229", amounts: null, yen: null, targets: "15 15 -", expectedTargets: [15, 15, null], date: D, phone: "03-3838-5554", digits: "0338385554" },
  { no: "21", line: 342, name: "葛飾区", code: "131229", amounts: null, yen: null, targets: "- - 5", expectedTargets: [null, null, 5], date: D, phone: "03-3838-5554", digits: "0338385554" },
  { no: "22", line: 406, name: "八王子市", code: "132012", amounts: null, yen: null, targets: "60 - -", expectedTargets: [60, null, null], date: D, phone: "042-620-7252", digits: "0426207252" },
  { no: "23", line: 419, name: "八王子市", code: "132012", amounts: null, yen: null, targets: "- - 24", expectedTargets: [null, null, 24], date: D, phone: "042-620-7252", digits: "0426207252" },
  { no: "24", line: 435, name: "三鷹市", code: "132047", amounts: ["2,750", "1,375"], yen: [2750000, 1375000], targets: "2 - -", expectedTargets: [2, null, null], date: "令和5年10月1日", phone: "0422-29-9615", digits: "0422299615" },
  { no: "25", line: 451, name: "三鷹市", code: "132047", amounts: ["7,154", "3,577"], yen: [7154000, 3577000], targets: "10 - -", expectedTargets: [10, null, null], date: "令和5年5月31日", phone: "0422-29-9615", digits: "0422299615" },
  { no: "26", line: 467, name: "調布市", code: "132080", amounts: ["7,052", "3,526"], yen: [7052000, 3526000], targets: "9 - -", expectedTargets: [9, null, null], date: D, phone: "042-481-7184", digits: "0424817184" },
  { no: "27", line: 487, name: "小平市", code: "132110", amounts: ["6,100", "3,050"], yen: [6100000, 3050000], targets: "12 12 -", expectedTargets: [12, 12, null], date: "令和5年8月1日", phone: "042-346-9534", digits: "0423469534" },
  { no: "28", line: 503, name: "新島村", code: "133639", amounts: ["10,000", "5,000"], yen: [10000000, 5000000], targets: "3 1 -", expectedTargets: [3, 1, null], date: D, phone: "04992-5-0204\n（内線216）", digits: "0499250204" },
];
const model: Row[] = [
  { no: "M1", line: 546, name: "新宿区", code: "131041", amounts: ["14,845", "14,845"], yen: [14845000, 14845000], targets: "35 20 -", expectedTargets: [35, 20, null], date: D, phone: "03-5273-3925", digits: "0352733925" },
  { no: "M2", line: 576, name: "東村山市", code: "132136", amounts: ["12,848", "12,848"], yen: [12848000, 12848000], targets: "30 - -", expectedTargets: [30, null, null], date: "令和5年5月1日", phone: "042-393-5111（代表）", digits: "0423935111" },
  { no: "M3", line: 607, name: "東久留米市商工会", code: "132225", amounts: ["20,000", "20,000"], yen: [20000000, 20000000], targets: "10 8 -", expectedTargets: [10, 8, null], date: D, phone: "042-471-7577", digits: "0424717577" },
];
const all = [...rows, ...model];
const isoOf: Record<string, string> = {
  "令和5年4月1日": "2023-04-01", "令和5年5月1日": "2023-05-01", "令和5年6月1日": "2023-06-01",
  "令和5年10月1日": "2023-10-01", "令和5年5月31日": "2023-05-31", "令和5年8月1日": "2023-08-01",
};

const unit = parseUnitNote("（単位：千円、人）").value!.amount!;

test.each(all.filter((r) => r.amounts))("seed 000 line $line (row $no $name): 事業額 / 補助金申請額 in 千円", (row) => {
  expect(row.amounts!.map((a) => parseAmount(a, { unit }).value)).toEqual(row.yen);
});

test.each(all)("seed 000 line $line (row $no $name): targets $targets", (row) => {
  const parsed = row.targets.split(" ").map((t) => parseNumber(t));
  expect(parsed.map((p) => p.value)).toEqual(row.expectedTargets);
  expect(parsed.map((p) => p.none)).toEqual(row.expectedTargets.map((v) => v === null));
});

test.each(all)("seed 000 line $line (row $no $name): 事業開始 $date", (row) => {
  const r = parseDate(row.date);
  expect(r.value?.iso).toBe(isoOf[row.date]);
  expect(r.problems).toEqual([]);
});

test.each(all)("seed 000 line $line (row $no $name): 区市町村 → $code", (row) => {
  expect(lookupMunicipality(row.name, { prefecture: "東京都" }).value?.code).toBe(row.code);
});

test.each(all)("seed 000 row $no $name: phone $digits", (row) => {
  expect(parseContact(row.phone!).value?.phones.map((p) => p.digits)).toEqual([row.digits]);
});

test("seed 000 line 509: the target columns add up to 1,239 / 493 / 93", () => {
  const sums = [0, 1, 2].map((col) => rows.reduce((acc, r) => acc + (parseNumber(r.targets.split(" ")[col]!).value ?? 0), 0));
  expect(sums).toEqual(["1,239", "493", "93"].map((t) => parseNumber(t).value));
});

test("seed 000 line 611: the モデル事業 target columns add up to 75 / 28 / 0", () => {
  const sums = [0, 1, 2].map((col) => model.reduce((acc, r) => acc + (parseNumber(r.targets.split(" ")[col]!).value ?? 0), 0));
  expect(sums).toEqual([75, 28, 0]);
});

test("seed 000 line 611: the モデル事業 amounts add up to 47,693 / 47,693", () => {
  const sums = [0, 1].map((col) => model.reduce((acc, r) => acc + parseAmount(r.amounts![col]!, { unit }).value!, 0));
  expect(sums).toEqual([47693000, 47693000]);
});
