import { expect, test } from "vitest";
import { normalizeOrgName } from "../../src/normalize/index.js";

// Review of issue 3 (defect 4): the longest legal form wins, and the common
// non-company forms are recognised written out or abbreviated.

test("地方独立行政法人 is one legal form, not 独立行政法人 inside the name", () => {
  expect(normalizeOrgName("地方独立行政法人東京都立産業技術研究センター").value).toEqual({
    name: "地方独立行政法人東京都立産業技術研究センター",
    core: "東京都立産業技術研究センター",
    legalForm: "地方独立行政法人",
    position: "before",
  });
});

test("国立大学法人 is a legal form", () => {
  expect(normalizeOrgName("国立大学法人東京大学").value).toMatchObject({ core: "東京大学", legalForm: "国立大学法人", position: "before" });
});

test("社会福祉法人 written out and (福) abbreviated", () => {
  expect(normalizeOrgName("社会福祉法人恩賜財団済生会").value).toMatchObject({ core: "恩賜財団済生会", legalForm: "社会福祉法人" });
  expect(normalizeOrgName("(福)さくら会").value).toMatchObject({ name: "社会福祉法人さくら会", core: "さくら会", legalForm: "社会福祉法人" });
});

test("学校法人 and 医療法人 are legal forms", () => {
  expect(normalizeOrgName("学校法人早稲田大学").value).toMatchObject({ core: "早稲田大学", legalForm: "学校法人" });
  expect(normalizeOrgName("医療法人社団つばさ会").value).toMatchObject({ legalForm: "医療法人", position: "before" });
});

test("公益社団法人, 公益財団法人 and 一般財団法人 written out", () => {
  expect(normalizeOrgName("公益社団法人日本看護協会").value).toMatchObject({ core: "日本看護協会", legalForm: "公益社団法人" });
  expect(normalizeOrgName("公益財団法人東京都中小企業振興公社").value).toMatchObject({ core: "東京都中小企業振興公社", legalForm: "公益財団法人" });
  expect(normalizeOrgName("一般財団法人日本規格協会").value).toMatchObject({ core: "日本規格協会", legalForm: "一般財団法人" });
});

test("(公社), (公財) and (一財) abbreviations are written out", () => {
  expect(normalizeOrgName("(公社)日本看護協会").value?.name).toBe("公益社団法人日本看護協会");
  expect(normalizeOrgName("（公財）東京都中小企業振興公社").value?.name).toBe("公益財団法人東京都中小企業振興公社");
  expect(normalizeOrgName("(一財)日本規格協会").value?.name).toBe("一般財団法人日本規格協会");
});
