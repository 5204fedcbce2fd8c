import { expect, test } from "vitest";
import { localGovCheckDigit, lookupMunicipality, municipalityByCode } from "../../src/normalize/index.js";

// Codes are the published 全国地方公共団体コード; the sixth digit is the check digit.
// [source, name as printed (実施区市町村名), code, reading]
const tokyo: Array<[string, string, string, string]> = [
  ["seed 000 line 4", "中央区", "131024", "ちゅうおうく"],
  ["seed 000 line 20", "港区", "131032", "みなとく"],
  ["seed 000 line 35", "新宿区", "131041", "しんじゅくく"],
  ["seed 000 line 51", "墨田区", "131075", "すみだく"],
  ["seed 000 line 63", "江東区", "131083", "こうとうく"],
  ["seed 000 line 112", "品川区", "131091", "しながわく"],
  ["seed 000 line 128", "世田谷区", "131121", "せたがやく"],
  ["seed 000 line 185", "北区", "131172", "きたく"],
  ["seed 000 line 211", "荒川区", "131181", "あらかわく"],
  ["seed 000 line 243", "板橋区", "131199", "いたばしく"],
  ["seed 000 line 257", "練馬区", "131202", "ねりまく"],
  ["seed 000 line 276", "足立区", "131211", "あだちく"],
  ["seed 000 line 296", "葛飾区", "131229", "かつしかく"],
  ["seed 000 line 399", "八王子市", "132012", "はちおうじし"],
  ["seed 000 line 427", "三鷹市", "132047", "みたかし"],
  ["seed 000 line 459", "調布市", "132080", "ちょうふし"],
  ["seed 000 line 475", "小平市", "132110", "こだいらし"],
  ["seed 000 line 495", "新島村", "133639", "にいじまむら"],
  ["seed 000 line 554", "東村山市", "132136", "ひがしむらやまし"],
];

test.each(tokyo)("%s: %s (東京都) → %s", (_src, name, code, kana) => {
  const r = lookupMunicipality(name, { prefecture: "東京都" });
  expect(r.value).toMatchObject({ code, name, kana, prefecture: "東京都" });
  expect(r.match).toBe("exact");
  expect(r.problems).toEqual([]);
});

test.each(["中央区", "北区", "港区"])("seed 000: %s without a prefecture is ambiguous", (name) => {
  const r = lookupMunicipality(name);
  expect(r.value).toBeNull();
  expect(r.match).toBe("ambiguous");
  expect(r.candidates.map((m) => m.code)).toContain(name === "中央区" ? "131024" : name === "北区" ? "131172" : "131032");
  expect(r.candidates.length).toBeGreaterThan(1);
  expect(r.problems.map((p) => p.rule)).toEqual(["municipality/ambiguous"]);
});

test("北区 in 大阪府 is still ambiguous: 大阪市北区 and 堺市北区", () => {
  const r = lookupMunicipality("北区", { prefecture: "大阪府" });
  expect(r.candidates.map((m) => m.fullName).sort()).toEqual(["大阪府堺市北区", "大阪府大阪市北区"]);
});

test("the prefecture may be given as 東京 or as the code 13", () => {
  expect(lookupMunicipality("北区", { prefecture: "東京" }).value?.code).toBe("131172");
  expect(lookupMunicipality("北区", { prefecture: "13" }).value?.code).toBe("131172");
});

test("the prefecture may be written in front: 東京都中央区", () => {
  expect(lookupMunicipality("東京都中央区").value?.code).toBe("131024");
});

test("seed 000 line 608: 東久留米市商工会 is not a municipality but names one", () => {
  const r = lookupMunicipality("東久留米市商工会", { prefecture: "東京都" });
  expect(r.match).toBe("contained");
  expect(r.value).toMatchObject({ code: "132225", name: "東久留米市" });
  expect(r.problems).toEqual([expect.objectContaining({ severity: "warning", rule: "municipality/contained" })]);
});

// [source, variant as written, official name, code]
const variants: Array<[string, string, string, string]> = [
  ["issue 3 (鯵ヶ沢/鰺ヶ沢)", "鯵ヶ沢町", "鰺ヶ沢町", "023213"],
  ["issue 3 (ヶ/ケ)", "鰺ケ沢町", "鰺ヶ沢町", "023213"],
  ["issue 3 (が)", "鯵が沢町", "鰺ヶ沢町", "023213"],
  ["issue 3 (ヶ/ケ): 龍ケ崎市 written 竜ヶ崎市", "竜ヶ崎市", "龍ケ崎市", "082082"],
  ["002 line 49 (塩竈市; the common spelling 塩釜市)", "塩釜市", "塩竈市", "042030"],
  ["issue 3 (spacing)", "八 王 子 市", "八王子市", "132012"],
  ["issue 3 (spacing, U+3000)", "新宿　区", "新宿区", "131041"],
  ["seed 000 line 399 without 市", "八王子", "八王子市", "132012"],
];

test.each(variants)("%s: %s → %s", (_src, written, name, code) => {
  const r = lookupMunicipality(written);
  expect(r.value).toMatchObject({ name, code });
  expect(r.match).toBe("variant");
});

// [source, name, full name, code]
const wards: Array<[string, string, string, string]> = [
  ["13 cashless p1", "さいたま市浦和区", "埼玉県さいたま市浦和区", "111074"],
  ["13 cashless p10", "さいたま市北区", "埼玉県さいたま市北区", "111023"],
  ["14 online-shinryo p1", "京都府京都市南区", "京都府京都市南区", "261076"],
  ["14 online-shinryo p1", "京都市北区", "京都府京都市北区", "261017"],
  ["14 online-shinryo p1", "京都府向日市", "京都府向日市", "262081"],
];

test.each(wards)("%s: %s → %s", (_src, name, fullName, code) => {
  expect(lookupMunicipality(name).value).toMatchObject({ fullName, code });
});

test("002 line 41 (釜石市) — 塩釜 folding leaves 釜石 alone", () => {
  expect(lookupMunicipality("釜石市").value).toMatchObject({ code: "032115", prefecture: "岩手県" });
});

test("鹿嶋市 (茨城) and 鹿島市 (佐賀) stay apart", () => {
  expect(lookupMunicipality("鹿嶋市").value?.prefecture).toBe("茨城県");
  expect(lookupMunicipality("鹿島市").value?.prefecture).toBe("佐賀県");
});

test("a 郡 in front is dropped", () => {
  expect(lookupMunicipality("西村山郡大江町").value?.code).toBe("063240");
});

test("an unknown name is an error, not a throw", () => {
  expect(lookupMunicipality("合　　　　　計").problems.map((p) => p.rule)).toEqual(["municipality/unknown"]);
});

test("check digits: 13102 → 4, 13222 → 5, 02321 → 3", () => {
  expect([localGovCheckDigit("13102"), localGovCheckDigit("13222"), localGovCheckDigit("02321")]).toEqual([4, 5, 3]);
});

test("municipalityByCode verifies the check digit", () => {
  expect(municipalityByCode("133639").value?.name).toBe("新島村");
  expect(municipalityByCode("13363").value?.name).toBe("新島村");
  expect(municipalityByCode("133638").problems.map((p) => p.rule)).toEqual(["municipality/check-digit"]);
});
