import { expect, test } from "vitest";
import {
  evalMagnitude, localGovCheckDigit, lookupMunicipality, municipalityByCode, normalizeOrgName, parseAmount,
  parseContact, parseDate, parseFiscalYear, parseNumber, parseUnitNote, tagTargetGroups, toHalfWidth, yenMultiplier,
} from "../../src/normalize/index.js";

// Review of issue 3 (defect 12): no exported function throws on odd input, and
// integers beyond 2^53 are reported.
const sym = Symbol("odd") as unknown as string;

test("a Symbol does not throw in any exported function", async () => {
  const calls: Array<() => unknown> = [
    () => parseNumber(sym), () => parseAmount(sym, { unit: "千円" }), () => parseAmount("1", { unit: sym }),
    () => parseDate(sym), () => parseFiscalYear(sym), () => parseContact(sym), () => normalizeOrgName(sym),
    () => lookupMunicipality(sym), () => lookupMunicipality("北区", { prefecture: sym }), () => municipalityByCode(sym),
    () => parseUnitNote(sym), () => toHalfWidth(sym), () => yenMultiplier(sym), () => localGovCheckDigit(sym),
    () => evalMagnitude(sym),
  ];
  for (const call of calls) expect(call).not.toThrow();
  await expect(tagTargetGroups(sym)).resolves.toBeDefined();
  expect(parseNumber(sym).value).toBeNull();
  expect(parseDate(sym).value).toBeNull();
});

test("localGovCheckDigit of null or 42 is null", () => {
  expect(localGovCheckDigit(null as unknown as string)).toBeNull();
  expect(localGovCheckDigit(42 as unknown as string)).toBeNull();
});

test("evalMagnitude of null is null", () => {
  expect(evalMagnitude(null as unknown as string)).toBeNull();
});

test("null options do not throw", () => {
  expect(parseAmount("1", null as unknown as undefined).value).toBe(1);
  expect(parseDate("4月1日", null as unknown as undefined).value).toBeNull();
  expect(lookupMunicipality("北区", null as unknown as undefined).match).toBe("ambiguous");
});

test("9007199254740993 is beyond exact integers: number/precision-loss", () => {
  const r = parseNumber("9007199254740993");
  expect(r.problems.map((p) => p.rule)).toContain("number/precision-loss");
});

test("9007199254740992 (2^53) is exact and reported as such", () => {
  const r = parseNumber("9007199254740992");
  expect(r.value).toBe(2 ** 53);
  expect(r.problems).toEqual([]);
});

test("400 digits are too large: no value, no throw", () => {
  expect(parseNumber("1".repeat(400)).value).toBeNull();
});
