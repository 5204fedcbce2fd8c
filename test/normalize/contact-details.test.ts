import { expect, test } from "vitest";
import { parseContact } from "../../src/normalize/index.js";

// Review of issue 3 (defect 9): phone forms, labels before the number, opening
// hours, postal addresses, stray words and several extensions.

test("(03)1234-5678 is a phone with the area code in brackets", () => {
  expect(parseContact("(03)1234-5678").value?.phones).toEqual([
    { number: "(03)1234-5678", digits: "0312345678", kind: "landline" },
  ]);
});

test("厚生労働省代表 03-5253-1111: 代表 labels the phone, 厚生労働省 is the department", () => {
  const v = parseContact("厚生労働省代表 03-5253-1111").value;
  expect(v?.phones.map((p) => p.label)).toEqual(["代表"]);
  expect(v?.departments).toEqual([{ name: "厚生労働省", level: "省" }]);
});

test("opening hours （平日9:00～17:00） are hours, not a department", () => {
  const v = parseContact("TEL 03-1234-5678（平日9:00～17:00）").value;
  expect(v?.departments).toEqual([]);
  expect(v?.hours).toEqual(["平日9:00~17:00"]);
  expect(v?.phones.map((p) => p.digits)).toEqual(["0312345678"]);
});

test("〒100-8916 東京都千代田区霞が関1-2-2 is a postal code and an address, not a department", () => {
  const r = parseContact("〒100-8916 東京都千代田区霞が関1-2-2");
  expect(r.value?.departments).toEqual([]);
  expect(r.value?.postalCode).toBe("100-8916");
  expect(r.value?.address).toBe("東京都千代田区霞が関1-2-2");
  expect(r.problems.map((p) => p.rule)).not.toContain("contact/empty");
});

test("URL before a link is not a department", () => {
  const v = parseContact("URL：https://example.jp/a").value;
  expect(v?.departments).toEqual([]);
  expect(v?.urls).toEqual(["https://example.jp/a"]);
});

test("a slash between two numbers is not a department", () => {
  const v = parseContact("03-1234-5678 / 03-1234-5679").value;
  expect(v?.departments).toEqual([]);
  expect(v?.phones).toHaveLength(2);
});

test("(内線216・217) keeps both extensions", () => {
  const phone = parseContact("03-1234-5678(内線216・217)").value?.phones[0];
  expect(phone?.extension).toBe("216");
  expect(phone?.extensions).toEqual(["216", "217"]);
});

test("(内線：2131) with a colon after 内線 is the extension, not a department (seed 002 p.46)", () => {
  const v = parseContact("経済社会政策室  ℡： 03-3501-1511 (内線：2131)").value;
  expect(v?.phones).toEqual([{ number: "03-3501-1511", digits: "0335011511", kind: "landline", extension: "2131" }]);
  expect(v?.departments.map((d) => d.name)).toEqual(["経済社会政策室"]);
});
