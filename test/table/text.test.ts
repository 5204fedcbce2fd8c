import { expect, test } from "vitest";
import { headerName, joinParts } from "../../src/table/text.js";

test.each([
  // seed 000's header cells as printed
  ["事 業 名", "事業名"],
  ["事　　業　　内　　容( 3 0 0 字 以 内 ）", "事業内容(300字以内）"],
  ["目標(労働力確保)", "目標(労働力確保)"],
  // corpus 13's header row
  ["事業所名（屋号）", "事業所名（屋号）"],
  ["No.", "No."],
  // Latin words keep their spaces
  ["No. of staff", "No. of staff"],
  ["Web サイト URL", "WebサイトURL"],
])("header %j reads as %j", (printed, name) => {
  expect(headerName(printed)).toBe(name);
});

test.each([
  [["区民部", "商工観光課"], "区民部商工観光課"],
  [["工業・ものづくり・建設・雇用促", "進担当"], "工業・ものづくり・建設・雇用促進担当"],
  [["OriHime", "robot"], "OriHime robot"],
  [["企画調整室", "04992-5-0204", "（内線216）"], "企画調整室04992-5-0204（内線216）"],
  [["", " 合計 "], "合計"],
])("lines %j join as %j", (lines, joined) => {
  expect(joinParts(lines)).toBe(joined);
});
