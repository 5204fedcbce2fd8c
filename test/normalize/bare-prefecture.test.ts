import { expect, test } from "vitest";
import { lookupMunicipality } from "../../src/normalize/index.js";

// Review of issue 3 (defect 7): a bare prefecture name is the prefecture, not a
// ward or city of the same stem. Codes: 5-digit code + check digit
// (11 − (6a+5b+4c+3d+2e) mod 11) mod 10, e.g. 13000 → 21 mod 11 = 10 → 1.

test("神奈川 is 神奈川県 (140007), not 横浜市神奈川区", () => {
  const r = lookupMunicipality("神奈川");
  expect(r.value).toMatchObject({ kind: "prefecture", name: "神奈川県", code: "140007" });
  expect(r.candidates.map((m) => m.code)).toEqual(["140007"]);
});

test("大阪 is 大阪府 (270008), not 大阪市", () => {
  expect(lookupMunicipality("大阪").value).toMatchObject({ kind: "prefecture", name: "大阪府", code: "270008" });
});

test("京都 is 京都府 (260002)", () => {
  expect(lookupMunicipality("京都").value).toMatchObject({ kind: "prefecture", name: "京都府", code: "260002" });
});

test("東京 is 東京都 (130001)", () => {
  expect(lookupMunicipality("東京").value).toMatchObject({ kind: "prefecture", name: "東京都", code: "130001" });
});

test("神奈川県 written in full is the prefecture, matched exactly", () => {
  const r = lookupMunicipality("神奈川県");
  expect(r.match).toBe("exact");
  expect(r.value?.code).toBe("140007");
});

test("reading 大阪 as the prefecture notes the city of the same name", () => {
  expect(lookupMunicipality("大阪").problems.map((p) => p.rule)).toEqual(["municipality/prefecture-name"]);
});

test("京都市 is still the city and 神奈川区 still the ward", () => {
  expect(lookupMunicipality("京都市").value).toMatchObject({ kind: "municipality", code: "261009" });
  expect(lookupMunicipality("神奈川区").value).toMatchObject({ kind: "ward", code: "141020" });
});
