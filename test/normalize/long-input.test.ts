import { expect, test } from "vitest";
import {
  lookupMunicipality, parseAmount, parseContact, parseDate, parseFiscalYear, parseNumber, tagTargetGroups,
} from "../../src/normalize/index.js";

// Review of issue 3 (defect 3): 100,000-character cells must finish quickly.
// The per-test timeout (last argument) is the guard; the assertions are on results.
const N = 100_000;

test("tagTargetGroups on 100,000 x finishes with no tags", async () => {
  const r = await tagTargetGroups("x".repeat(N));
  expect(r.value?.tags).toEqual([]);
}, 20_000);

test("tagTargetGroups on 100,000 Japanese characters without 。 still finds the groups", async () => {
  const text = "若者や女性の就職を支援する事業であり".repeat(Math.ceil(N / 18)).slice(0, N);
  const r = await tagTargetGroups(text);
  expect(r.value?.tags.map((t) => t.label)).toEqual(["若者", "女性"]);
}, 20_000);

test("a group term at the end of a long clause-less text is still found", async () => {
  const r = await tagTargetGroups(`${"あ".repeat(2000)}。高齢者を対象とする`);
  expect(r.value?.tags.map((t) => t.label)).toEqual(["シニア・高齢者"]);
}, 20_000);

test("parseContact on 100,000 x finds no e-mail", () => {
  expect(parseContact("x".repeat(N)).value?.emails).toEqual([]);
}, 2_000);

test("parseContact still finds an e-mail after a long run of letters and a space", () => {
  expect(parseContact(`${"x".repeat(N)} info@example.go.jp`).value?.emails).toEqual(["info@example.go.jp"]);
}, 2_000);

test("lookupMunicipality on a municipality followed by 100,000 characters finds the municipality", () => {
  const r = lookupMunicipality(`東久留米市${"x".repeat(N)}`);
  expect(r.match).toBe("contained");
  expect(r.value?.name).toBe("東久留米市");
}, 2_000);

test("lookupMunicipality on 100,000 unknown characters is unknown", () => {
  const r = lookupMunicipality("あ".repeat(N));
  expect(r.match).toBe("none");
  expect(r.problems.map((p) => p.rule)).toEqual(["municipality/unknown"]);
}, 2_000);

test("problem messages quote at most about 60 characters of a long raw text", () => {
  const results = [
    parseNumber("x".repeat(N)), parseAmount("x".repeat(N)), parseDate("x".repeat(N)),
    parseFiscalYear("x".repeat(N)), lookupMunicipality("あ".repeat(N)),
  ];
  for (const r of results) {
    expect(r.problems.length).toBeGreaterThan(0);
    for (const p of r.problems) {
      expect(p.message.length).toBeLessThan(200);
      expect(p.message).toContain("…");
    }
  }
}, 2_000);
