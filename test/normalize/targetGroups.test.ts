import { expect, test } from "vitest";
import { tagTargetGroups, tagTargetGroupsNow } from "../../src/normalize/index.js";

const labels = async (text: string): Promise<string[]> =>
  ((await tagTargetGroups(text)).value?.tags.map((t) => t.label) ?? []).sort();

// [source, programme text, expected labels (sorted)]
const cases: Array<[string, string, string[]]> = [
  ["seed 000 line 6", "就職氷河期世代等のミドル世代（概ね３０歳から５５歳）に該当し、正規雇用を目指すものを対象", ["就職氷河期世代"]],
  ["seed 000 lines 22–23", "障害特性や心身の状態により長時間働くことが難しい障害者に対し", ["障害者"]],
  ["seed 000 lines 65–66", "若者や育児休業から復職した女性も活躍できるよう雇用支援体制の強化に努める。", ["若者", "女性", "子育て"].sort()],
  ["seed 000 lines 84–85", "コロナによる離職者や就職氷河期世代などの無業者を新たに雇用し", ["就職氷河期世代", "無業者"].sort()],
  ["seed 000 line 214", "地域の若年無業者を掘り起し、人材育成を行った上で", ["無業者", "若者"].sort()],
  ["seed 000 line 300", "研修を受けた若年者、女性およびシニアとをマッチングする事業", ["シニア・高齢者", "女性", "若者"].sort()],
  ["seed 000 line 461", "若者・若者無業者をはじめ，出産，育児等により離職した女性，高齢者，障がい者等を", ["シニア・高齢者", "女性", "子育て", "無業者", "若者", "障害者"].sort()],
  ["seed 000 line 478", "市内在住の出産、子育て等で離職し、再就職を目指す女性に対し", ["女性", "子育て"].sort()],
  ["seed 000 line 499", "外国人技能実習生の受け入れを進めており", ["外国人"]],
  ["seed 000 line 538", "新宿区民、新宿区での就職を希望する外国人留学生等求職者", ["外国人", "若者"].sort()],
  ["seed 000 line 595", "就労困難者（障碍者、引きこもり等）は、すぐにフルタイムで就業することが困難であり", ["無業者", "障害者"].sort()],
  ["seed 000 lines 570–571", "デジタル教育を女性を対象に実施し、男女間の賃金格差の解消", ["女性"]],
  ["seed 000 line 65 (no group)", "労働力の減少が懸念される中、区内中小企業における人材や労働力を確保するため", []],
];

test.each(cases)("%s: %s", async (_src, text, expected) => {
  expect(await labels(text)).toEqual(expected);
});

test("tagTargetGroupsNow tags in the calling turn, as tagTargetGroups does (seed 000 line 461)", async () => {
  const text = "若者・若者無業者をはじめ，出産，育児等により離職した女性，高齢者，障がい者等を";
  const now = tagTargetGroupsNow(text);
  expect(now).not.toBeInstanceOf(Promise);
  expect(now.value?.tags.map((t) => t.label).sort()).toEqual(["シニア・高齢者", "女性", "子育て", "無業者", "若者", "障害者"].sort());
  expect(now).toEqual(await tagTargetGroups(text));
});

test("男女 does not tag 女性 (terms match whole tokens)", async () => {
  expect(await labels("男女共同参画推進係")).toEqual([]);
});

test("seed 000 line 6: the age range is read before tokenising", async () => {
  const r = await tagTargetGroups("ミドル世代（概ね３０歳から５５歳）");
  expect(r.value?.ages).toEqual([{ text: "30歳から55歳", min: 30, max: 55 }]);
  expect(r.value?.tags).toEqual([]);
});

test("an age range of 65 and over tags シニア・高齢者", async () => {
  const r = await tagTargetGroups("65歳以上の方");
  expect(r.value?.tags).toEqual([{ id: "senior", label: "シニア・高齢者", evidence: ["65歳以上"] }]);
});

test("seed 000 line 565: 令和5年度 is read as a date, not tokenised as 令 | 和", async () => {
  const r = await tagTargetGroups("当市では、令和5年度に産業振興担当所管が");
  expect(r.value?.dates).toEqual(["2023-04-01/2024-03-31"]);
});

test("evidence lists the words that matched", async () => {
  const r = await tagTargetGroups("就職氷河期世代の求職者を対象とし");
  expect(r.value?.tags).toEqual([{ id: "ice-age", label: "就職氷河期世代", evidence: ["就職氷河期"] }]);
});
