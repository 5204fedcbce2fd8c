import { expect, test } from "vitest";
import { parseContact } from "../../src/normalize/index.js";

test("seed 000 lines 14–18: 区民部 / 商工観光課 / 商工振興係 / 03-3546-5329", () => {
  expect(parseContact("区民部\n商工観光課\n商工振興係\n\n03-3546-5329").value).toEqual({
    departments: [{ name: "区民部", level: "部" }, { name: "商工観光課", level: "課" }, { name: "商工振興係", level: "係" }],
    phones: [{ number: "03-3546-5329", digits: "0335465329", kind: "landline" }],
    emails: [],
    urls: [],
  });
});

test("seed 000 lines 504–507: 04992-5-0204（内線216） on two lines", () => {
  const r = parseContact("企画調整室\n\n04992-5-0204\n（内線216）");
  expect(r.value?.departments).toEqual([{ name: "企画調整室", level: "室" }]);
  expect(r.value?.phones).toEqual([{ number: "04992-5-0204", digits: "0499250204", extension: "216", kind: "landline" }]);
  expect(r.problems).toEqual([]);
});

test("seed 000 lines 143–148: a name broken over two lines (雇用促 / 進担当) is joined", () => {
  const r = parseContact("経済産業部\n工業・ものづくり・雇用促進課\n工業・ものづくり・建設・雇用促\n\n進担当\n03-3411-6662");
  expect(r.value?.departments.map((d) => d.name)).toEqual(["経済産業部", "工業・ものづくり・雇用促進課", "工業・ものづくり・建設・雇用促進担当"]);
  expect(r.value?.departments.map((d) => d.level)).toEqual(["部", "課", "担当"]);
});

test("a name wrapped just before its ・ (建設 / ・雇用促進担当, the A3 rendering) keeps the ・; a leading ・ bullet is dropped", () => {
  const r = parseContact("経済産業部\n工業・ものづくり・雇用\n促進課\n工業・ものづくり・建設\n・雇用促進担当\n03-3411-6662");
  expect(r.value?.departments.map((d) => d.name)).toEqual(["経済産業部", "工業・ものづくり・雇用促進課", "工業・ものづくり・建設・雇用促進担当"]);
  expect(parseContact("・企画課\n03-5984-2447").value?.departments.map((d) => d.name)).toEqual(["企画課"]);
});

test("seed 000 lines 270–274: 企画担当係 is one unit ending in 係", () => {
  expect(parseContact("企画部\n企画課\n\n企画担当係\n03-5984-2447").value?.departments.at(-1)).toEqual({ name: "企画担当係", level: "係" });
});

test("seed 000 lines 288–294: 高齢者施策推進室 between 部 and 課", () => {
  const r = parseContact("福祉部\n高齢者施策推進室\n\n高齢福祉課\n高齢調整係\n\n03-3880-5886");
  expect(r.value?.departments.map((d) => d.level)).toEqual(["部", "室", "課", "係"]);
});

test("seed 000 lines 578–581: 042-393-5111（代表）", () => {
  const r = parseContact("市民部\n市民相談・交流課\n男女共同参画推進係\n042-393-5111（代表）");
  expect(r.value?.phones).toEqual([{ number: "042-393-5111", digits: "0423935111", label: "代表", kind: "landline" }]);
  expect(r.value?.departments).toHaveLength(3);
});

test("seed 000 lines 608–609: 東久留米市商工会 is kept as the organisation", () => {
  const r = parseContact("東久留米市商工会\n042-471-7577");
  expect(r.value?.departments).toEqual([{ name: "東久留米市商工会", level: "会" }]);
  expect(r.value?.phones[0]?.digits).toBe("0424717577");
});

test("seed 002 line 330: ℡：022-221-4881（直通） after a lead-in", () => {
  const r = parseContact("○問い合わせ先 東北経済産業局 産業人材政策室 ℡：022-221-4881（直通）");
  expect(r.value?.departments).toEqual([{ name: "東北経済産業局", level: "局" }, { name: "産業人材政策室", level: "室" }]);
  expect(r.value?.phones).toEqual([{ number: "022-221-4881", digits: "0222214881", label: "直通", kind: "landline" }]);
});

test("seed 002 line 998: ℡：03-3580-4111（法務省代表）", () => {
  expect(parseContact("℡：03-3580-4111（法務省代表）").value?.phones[0]?.label).toBe("法務省代表");
});

test("seed 002 line 3676: ナビダイヤル：0570-099-660", () => {
  expect(parseContact("ナビダイヤル：0570-099-660").value?.phones).toEqual([
    { number: "0570-099-660", digits: "0570099660", label: "ナビダイヤル", kind: "navi-dial" },
  ]);
});

test("seed 002 line 3747: ℡：0120-366-440 is toll-free", () => {
  expect(parseContact("℡：0120-366-440").value?.phones[0]?.kind).toBe("toll-free");
});

test("seed 002 line 596: three prefectures' numbers on one line", () => {
  const r = parseContact("青森県  ℡：017-735-6550 岩手県  ℡：019-631-3828 宮城県 ℡： 022-341-6033");
  expect(r.value?.phones.map((p) => p.digits)).toEqual(["0177356550", "0196313828", "0223416033"]);
});

test("seed 002 line 2575: E-MAIL：nadeshiko20@jp.ey.com (page number 46 glued on)", () => {
  const r = parseContact("E-MAIL：nadeshiko20@jp.ey.com 46");
  expect(r.value?.emails).toEqual(["nadeshiko20@jp.ey.com"]);
  expect(r.value?.departments).toEqual([]);
});

test("seed 002 line 3474: MAIL：bzl-WIL@meti.go.jp", () => {
  expect(parseContact("MAIL：bzl-WIL@meti.go.jp").value?.emails).toEqual(["bzl-WIL@meti.go.jp"]);
});

test("seed 002 line 631: a URL", () => {
  expect(parseContact("https://www.pro-jinzai.go.jp/kyoten/aomori/").value?.urls).toEqual(["https://www.pro-jinzai.go.jp/kyoten/aomori/"]);
});

test("14 online-shinryo p1: phone, URL and e-mail in one row", () => {
  const r = parseContact("075-491-0050   yasumuraiin-hikidashi@nifty.com");
  expect(r.value?.phones[0]?.digits).toBe("0754910050");
  expect(r.value?.emails).toEqual(["yasumuraiin-hikidashi@nifty.com"]);
});

test("full-width digits in a phone number are read", () => {
  expect(parseContact("０３－３５４６－５３２９").value?.phones[0]?.number).toBe("03-3546-5329");
});

test("a phone number with too few digits is reported", () => {
  expect(parseContact("03-354-532").problems.map((p) => p.rule)).toEqual(["contact/phone-length"]);
});
