/**
 * URLs, e-mail addresses and phone numbers in running text. This file only finds where
 * they are printed; parseContact reads them.
 */
import { parseContact } from "../normalize/contact.js";
import { claim, labelBefore, type ScanInput } from "./finder.js";
import { eachMatch } from "./text.js";
import type { TextFact } from "./types.js";

const URL = /(?:https?:\/\/|(?<![\w.@/-])www\.)[!-~]+/g;
/** Punctuation that ends a sentence rather than a URL. */
const URL_TRAILER = /[.,;:!?'"]+$/;
const EMAIL = /(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/** 03-6634-9307, 0120-030-045, 03(1234)5678, (03)1234-5678, with 内線 after it; spaces around the hyphens (03 ‐ 3501 ‐ 1677) allowed. */
const PHONE = /(?<![\d-])(?:0\d{1,4} ?- ?\d{1,4} ?- ?\d{3,4}|0\d{1,4}\(\d{1,4}\)\d{3,4}|\(0\d{1,4}\) ?\d{1,4}-\d{3,4})(?![\d-])(?: ?\(?内線 ?\d+(?:[・,、]\d+)*\)?)?/g;

/**
 * A local number printed after a phone mark without its area code: ℡５－３３１２, TEL 22-1234.
 * Only after the mark: a bare 5-3312 may be anything.
 */
const LOCAL_PHONE = /(?:℡|TEL|Tel|tel|電話(?:番号)?)\s*[:：]?\s*(?<![\d-])([1-9]\d{0,3}-\d{4})(?![\d-])/g;

/**
 * URLs with http(s):// or www.; the value is the URL as printed, width-folded, without
 * the sentence's punctuation after it. A URL printed in ASCII ends where the Japanese
 * text after it begins (so its folded ）or ： is not taken in).
 */
export function findUrls(input: ScanInput): TextFact[] {
  const out: TextFact[] = [];
  const { text, folded } = input;
  eachMatch(URL, folded, (m) => {
    const start = m.index;
    let end = start + m[0].length;
    if (text.charCodeAt(start) <= 0x7e) {
      for (let i = start; i < end; i++) if (text.charCodeAt(i) > 0x7e) end = i;
    }
    let url = folded.slice(start, end).replace(URL_TRAILER, "");
    if (url.endsWith(")") && !url.includes("(")) url = url.slice(0, -1).replace(URL_TRAILER, "");
    end = start + url.length;
    if (!input.claims.isFree(start, end) || !/^(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+/.test(url)) return null;
    out.push(claim(input, "url", start, end, url));
    return end;
  });
  return out;
}

/** E-mail addresses (＠ folded); the value has its domain in lower case. */
export function findEmails(input: ScanInput): TextFact[] {
  const out: TextFact[] = [];
  eachMatch(EMAIL, input.folded, (m) => {
    const address = m[0].replace(/\.+$/, "");
    const start = m.index;
    const end = start + address.length;
    const email = parseContact(address).value?.emails[0];
    if (!email || !input.claims.isFree(start, end)) return null;
    const at = email.lastIndexOf("@");
    out.push(claim(input, "email", start, end, email.slice(0, at) + email.slice(at).toLowerCase()));
    return end;
  });
  return out;
}

/**
 * Japanese phone numbers written with their separators (a run of ten digits is left
 * alone: it may be anything). The value is the digits; kind, 内線 and a label such as
 * FAX come from parseContact, which also reads the words before the number. A local
 * number after ℡ / TEL / 電話 (５－３３１２) is a phone too, with a warning that its area
 * code is missing (extractFacts adds the municipality the page names).
 */
export function findPhones(input: ScanInput): TextFact[] {
  const out: TextFact[] = [];
  eachMatch(PHONE, input.folded, (m) => {
    const start = m.index;
    const end = start + m[0].length;
    if (!input.claims.isFree(start, end)) return null;
    const digits = /^[^内]*/.exec(m[0])![0].replace(/\D/g, "");
    if (digits.length !== 10 && digits.length !== 11) return null;
    const phone = parseContact(labelBefore(input, start).slice(-12) + m[0].replace(/(\d) ?- ?(?=\d)/g, "$1-")).value?.phones.find((p) => p.digits === digits);
    if (!phone) return null;
    out.push(claim(input, "phone", start, end, phone.digits,
      { number: phone.number, phoneKind: phone.kind, extension: phone.extension, label: phone.label }));
    return end;
  });
  eachMatch(LOCAL_PHONE, input.folded, (m) => {
    const number = m[1]!;
    const start = m.index + m[0].length - number.length;
    const end = m.index + m[0].length;
    if (!input.claims.isFree(start, end)) return null;
    out.push(claim(input, "phone", start, end, number.replace(/\D/g, ""), { number, phoneKind: "landline" }, [
      { severity: "warning", rule: "contact/no-area-code", message: `${number} is a local number printed without its area code` },
    ]));
    return end;
  });
  return out;
}
