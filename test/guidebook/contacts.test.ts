/**
 * 問い合わせ先 blocks of the seed guidebook (shared/seeds/002_721ba21fe4fd7f5c.txt) that the
 * sample does not reproduce, line by line as the seed prints them: the family's other forms.
 */
import { expect, test } from "vitest";
import { readContacts } from "../../src/guidebook/index.js";
import { CONTACT } from "../../src/guidebook/patterns.js";

const BOX = { x0: 0, y0: 0, x1: 0, y1: 0 };
const read = (...lines: string[]) =>
  readContacts(lines.map((text) => ({ text, box: BOX })), 1).map(({ page: _p, box: _b, ...c }) => c);
const contact = (c: Partial<ReturnType<typeof read>[number]>) => ({
  organisation: null, phone: null, extension: null, note: null, email: null, hours: null, url: null, ...c,
});

test("a marker with its own note in brackets, then the office and its phone (seed p.16)", () => {
  expect(read("○本事業に関する問い合わせ先（実施主体の金融機関用）", "内閣官房新しい地方経済・生活環境創生本部事務局 内閣府地方創生推進室 ℡：03-6257-1412")).toEqual([
    contact({ organisation: "内閣官房新しい地方経済・生活環境創生本部事務局 内閣府地方創生推進室", phone: "03-6257-1412" }),
  ]);
});

test("an organisation over two lines, then tel: in lower case (seed p.17)", () => {
  expect(read("○問い合わせ先", "金融庁 監督局総務課", "人材マッチング推進室", "tel：03-3506-6000")).toEqual([
    contact({ organisation: "金融庁 監督局総務課 人材マッチング推進室", phone: "03-3506-6000" }),
  ]);
});

test("a bracketed label after the number is its note: （法務省代表） (seed p.21)", () => {
  expect(read("○問い合わせ先 出入国在留管理庁", "℡：03-3580-4111（法務省代表）")).toEqual([
    contact({ organisation: "出入国在留管理庁", phone: "03-3580-4111", note: "法務省代表" }),
  ]);
});

test("または between two names without a phone makes two contacts (seed p.59)", () => {
  expect(read("○問い合わせ先 最寄りのセンター または 独立行政法人高齢・障害・求職者雇用支援機構")).toEqual([
    contact({ organisation: "最寄りのセンター" }),
    contact({ organisation: "独立行政法人高齢・障害・求職者雇用支援機構" }),
  ]);
});

test("an e-mail address alone with 受付/回答時間 (seed p.55)", () => {
  expect(read("○問い合わせ先", "info_manabi-dxquest@a-brain.com", "受付/回答時間 10:00～17:00(土日祝日・年末年始を除く)")).toEqual([
    contact({ email: "info_manabi-dxquest@a-brain.com", hours: "10:00～17:00(土日祝日・年末年始を除く)" }),
  ]);
});

test("text after the phone that names no other contact is its note (seed p.66)", () => {
  expect(read("○問い合わせ先 男女共同参画局 ℡：03-5253-2111（大代表）、【理工チャレンジHP】")).toEqual([
    contact({ organisation: "男女共同参画局", phone: "03-5253-2111", note: "大代表 【理工チャレンジHP】" }),
  ]);
});

test("a line that only names a web form stays with its organisation, not a new contact block (seed p.72)", () => {
  expect(read("○問い合わせ先", "特許庁デザイン経営プロジェクトチーム", "問い合わせフォーム")).toEqual([
    contact({ organisation: "特許庁デザイン経営プロジェクトチーム 問い合わせフォーム" }),
  ]);
  expect(CONTACT.test("問い合わせフォーム")).toBe(false);
});

test("■E-mail: after an office over two lines (seed p.62)", () => {
  expect(read("○問い合わせ先", "「高等教育機関における共同講座創造支援事業」事務局", "（一般社団法人 社会実装推進センター（JISSUI） ）", "■E-mail：sangaku-renkei@jissui.or.jp")).toEqual([
    contact({
      organisation: "「高等教育機関における共同講座創造支援事業」事務局 （一般社団法人 社会実装推進センター（JISSUI） ）",
      email: "sangaku-renkei@jissui.or.jp",
      note: null,
    }),
  ]);
});
