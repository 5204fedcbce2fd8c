import { expect, test } from "vitest";
import { tagTargetGroups } from "../../src/normalize/index.js";

// Review of issue 3 (defect 11): words that contain a group term without naming
// the group. Decisions are documented in src/normalize/data/target-groups.json.
const labels = async (text: string): Promise<string[] | undefined> =>
  (await tagTargetGroups(text)).value?.tags.map((t) => t.label);

test("システム障害が発生した場合 is a fault, not 障害者", async () => {
  expect(await labels("システム障害が発生した場合")).toEqual([]);
});

test("障害のある方 is still 障害者", async () => {
  expect(await labels("障害のある方")).toEqual(["障害者"]);
});

test("保育士の資格取得支援 is about childcare workers, not 子育て", async () => {
  expect(await labels("保育士の資格取得支援")).toEqual([]);
});

test("保育所の整備 is still 子育て", async () => {
  expect(await labels("保育所の整備")).toEqual(["子育て"]);
});

test("ママさんバレー is a sport, not a programme for 女性", async () => {
  expect(await labels("ママさんバレー")).toEqual([]);
});

test("高齢者施設の介護職員 targets care workers, not シニア", async () => {
  expect(await labels("高齢者施設の介護職員")).toEqual([]);
});

test("留学生 alone is 若者 but not 外国人", async () => {
  expect(await labels("留学生の就職支援")).toEqual(["若者"]);
});

test("留学生 with 外国 in the text is 外国人 too", async () => {
  expect(await labels("外国からの留学生")).toEqual(["若者", "外国人"]);
});

test("外国人留学生 is 外国人 and 若者", async () => {
  expect((await labels("外国人留学生の就職支援"))?.sort()).toEqual(["外国人", "若者"].sort());
});
