/**
 * Japanese normalisation: pure functions that turn the values of Japanese
 * government documents into numbers, yen, ISO dates, codes and tags, each
 * returning `{ value, raw, problems }` and never throwing on odd input.
 */
export type { Bound, Normalized, Problem, Severity } from "./types.js";
export { closeWidthGaps, toHalfWidth } from "./width.js";
export { COUNTERS, evalMagnitude, parseNumber, type Fraction, type NumberRange, type ParsedNumber } from "./numbers.js";
export { parseAmount, parseUnitNote, yenMultiplier, YEN_UNITS, type AmountOptions, type ParsedAmount, type UnitNote } from "./amounts.js";
export {
  ERAS, eraToYear, findEra, parseDate, parseFiscalYear,
  type DateContext, type DateOptions, type DateValue, type Era, type EraName, type FiscalYearValue,
} from "./wareki.js";
export {
  localGovCheckDigit, lookupMunicipality, municipalityByCode,
  type Municipality, type MunicipalityLookup, type MunicipalityOptions,
} from "./municipality.js";
export { parseContact, type Contact, type Department, type Phone } from "./contact.js";
export { normalizeOrgName, type OrgName } from "./orgname.js";
export {
  loadTokenizer, tagTargetGroups, tagTargetGroupsNow, TARGET_GROUPS,
  type AgeRange, type TargetGroupDefinition, type TargetGroups, type TargetTag,
} from "./targetGroups.js";
