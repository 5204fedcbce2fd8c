import { expect, test } from "vitest";
import { normalizeOrgName } from "../../src/normalize/index.js";

// [source, as printed, canonical name, core, legal form, position]
const names: Array<[string, string, string, string, string, "before" | "after"]> = [
  ["seed 002 line 41", "(株)ヤマキイチ商店", "株式会社ヤマキイチ商店", "ヤマキイチ商店", "株式会社", "before"],
  ["seed 002 line 504", "（有）ヤマキイチ商店", "有限会社ヤマキイチ商店", "ヤマキイチ商店", "有限会社", "before"],
  ["seed 002 line 43", "(有)大槻ファーム", "有限会社大槻ファーム", "大槻ファーム", "有限会社", "before"],
  ["seed 002 line 937", "スズキハイテック(株)", "スズキハイテック株式会社", "スズキハイテック", "株式会社", "after"],
  ["seed 002 line 2113", "タカラバイオ(株)", "タカラバイオ株式会社", "タカラバイオ", "株式会社", "after"],
  ["seed 002 line 136", "一般社団法人フィッシャーマン・ジャパン", "一般社団法人フィッシャーマン・ジャパン", "フィッシャーマン・ジャパン", "一般社団法人", "before"],
  ["13 cashless p1", "株式会社ハートフルスマイル", "株式会社ハートフルスマイル", "ハートフルスマイル", "株式会社", "before"],
  ["13 cashless p4", "大宮交通株式会社", "大宮交通株式会社", "大宮交通", "株式会社", "after"],
  ["14 online-shinryo p1", "医療法人はやし皮フ科クリニック", "医療法人はやし皮フ科クリニック", "はやし皮フ科クリニック", "医療法人", "before"],
  ["07 guidebook p4 (特定非営利活動法人; name invented)", "特定非営利活動法人テスト", "特定非営利活動法人テスト", "テスト", "特定非営利活動法人", "before"],
  ["10 career-up p16 (NPO法人; name invented)", "NPO法人テスト", "特定非営利活動法人テスト", "テスト", "特定非営利活動法人", "before"],
  ["issue 3 ((一社); name invented)", "(一社)東北ニュービジネス協議会", "一般社団法人東北ニュービジネス協議会", "東北ニュービジネス協議会", "一般社団法人", "before"],
  ["issue 3 (㈱ keeps ①; name invented)", "㈱テスト①", "株式会社テスト①", "テスト①", "株式会社", "before"],
  ["13 cashless p6", "株式会社アイズワークス", "株式会社アイズワークス", "アイズワークス", "株式会社", "before"],
  ["13 cashless p6 (full-width letters kept)", "株式会社ＡＫＴジャパン", "株式会社ＡＫＴジャパン", "ＡＫＴジャパン", "株式会社", "before"],
];

test.each(names)("%s: %s → %s", (_src, printed, name, core, legalForm, position) => {
  const r = normalizeOrgName(printed);
  expect(r.value).toEqual({ name, core, legalForm, position });
  expect(r.raw).toBe(printed);
});

test("seed 002 line 182: a legal form inside a joint name is noted", () => {
  const r = normalizeOrgName("DOWAホールディングス(株)×東北大学");
  expect(r.value?.name).toBe("DOWAホールディングス株式会社×東北大学");
  expect(r.problems.map((p) => p.rule)).toEqual(["org/form-inside"]);
});

test("13 cashless p1: a name without a legal form is kept", () => {
  expect(normalizeOrgName("上田理容室").value).toEqual({ name: "上田理容室", core: "上田理容室" });
});
