/**
 * Facts in one piece of text (a line, two lines that wrap, a cell). The finders run in
 * an order that settles overlaps: a URL or an e-mail address may hold digits, a phone
 * number looks like a range of numbers, a date like a fraction (1/2(月)) — the earlier
 * finder claims the characters and the later ones do not read them again.
 */
import { findEmails, findPhones, findUrls } from "./contacts.js";
import { findDates, findFiscalYears } from "./dates.js";
import type { Finder, ScanContext } from "./finder.js";
import { findAmounts, findRates } from "./money.js";
import { Claims, fold } from "./text.js";
import type { TextFact } from "./types.js";

const FINDERS: readonly Finder[] = [findUrls, findEmails, findPhones, findFiscalYears, findDates, findAmounts, findRates];

/**
 * Every fact in `text`, in text order. `claims` marks characters that already belong to
 * a fact (they are skipped); `context` carries the label to the left and the last year
 * seen, and is updated with the years read here.
 *
 * @example scanFacts("補助上限額：50万円（補助率2/3）")
 * // [{ kind: "cap", text: "50万円", value: 500000, … }, { kind: "rate", text: "2/3", value: 0.666…, … }]
 */
export function scanFacts(text: string, context: ScanContext = {}, claims: Claims = new Claims(text.length)): TextFact[] {
  const input = { text, folded: fold(text), claims, context };
  return FINDERS.flatMap((find) => find(input)).sort((a, b) => a.start - b.start);
}
