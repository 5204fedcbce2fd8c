/**
 * 問い合わせ先 blocks: departments, phone numbers with extension and label,
 * e-mail addresses and URLs.
 */
import type { Normalized, Problem } from "./types.js";
import { toHalfWidth } from "./width.js";

/** A phone number from a contact block. */
export interface Phone {
  /** As written, width-folded: "04992-5-0204". */
  number: string;
  /** Digits only: "0499250204". */
  digits: string;
  /** 内線 number: "216". */
  extension?: string;
  /** 直通, 代表, 法務省代表, ナビダイヤル, FAX … */
  label?: string;
  kind: "landline" | "mobile" | "ip" | "toll-free" | "navi-dial";
}

/** A unit of an organisation, split at 部 / 課 / 係 / 室 / 担当 / 局 …. */
export interface Department {
  name: string;
  /** The suffix that ends the name, or "other" (e.g. 東久留米市商工会 → "会"). */
  level: string;
}

/** Result value of {@link parseContact}. */
export interface Contact {
  departments: Department[];
  phones: Phone[];
  emails: string[];
  urls: string[];
}

const URL_RE = /https?:\/\/[^\s<>"、。）)」]+/g;
const EMAIL_RE = /(?:E-?mail|メール)?\s*:?\s*([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/gi;
const PHONE_RE = new RegExp(
  String.raw`(?:(℡|TEL|Tel|tel|電話(?:番号)?|ナビダイヤル|フリーダイヤル|FAX|Fax|ファックス)\s*:?\s*)?` +
    String.raw`(0\d{1,4}-\d{1,4}-\d{3,4}|0\d{1,4}\(\d{1,4}\)\d{3,4}|0\d{9,10})(?!\d)` +
    String.raw`(?:\s*\(?内線\s*(\d+)\)?)?(?:\s*\(([^()\d]{1,12})\))?`,
  "g",
);
/** Unit suffixes that end a department name, longest first. */
const UNIT_SUFFIXES = ["センター", "担当", "本部", "事務所", "部", "課", "係", "室", "局", "省", "庁", "会", "所"];
const LEAD_IN = /^[○●◆■□・\s]*(?:お?問い?合わ?せ先?|連絡先|担当部署)\s*:?/;

function phoneKind(digits: string): Phone["kind"] {
  if (/^0(120|800)/.test(digits)) return "toll-free";
  if (digits.startsWith("0570")) return "navi-dial";
  if (/^0[789]0/.test(digits)) return "mobile";
  if (digits.startsWith("050")) return "ip";
  return "landline";
}

/**
 * Split a 問い合わせ先 block into departments, phones, e-mails and URLs.
 * Lines broken inside a name (工業・ものづくり・建設・雇用促 / 進担当) are
 * joined: a piece that does not end in a unit suffix is joined to the next.
 *
 * @example parseContact("企画調整室\n04992-5-0204\n（内線216）").value
 * // { departments: [{ name: "企画調整室", level: "室" }],
 * //   phones: [{ number: "04992-5-0204", digits: "0499250204", extension: "216", kind: "landline" }], emails: [], urls: [] }
 */
export function parseContact(text: string): Normalized<Contact> {
  const raw = text;
  const problems: Problem[] = [];
  let t = toHalfWidth(text ?? "").replace(/(?<=\d)ー(?=\d)/g, "-");
  const urls = [...t.matchAll(URL_RE)].map((m) => m[0]);
  t = t.replace(URL_RE, " ");
  const emails = [...t.matchAll(EMAIL_RE)].map((m) => m[1]!);
  t = t.replace(EMAIL_RE, " ");
  const phones: Phone[] = [];
  t = t.replace(PHONE_RE, (_all, prefix: string | undefined, number: string, ext: string | undefined, label: string | undefined) => {
    const digits = number.replace(/\D/g, "");
    const kind = phoneKind(digits);
    const phoneLabel = label?.trim() ?? (prefix && !/^(℡|TEL|Tel|tel|電話(番号)?)$/.test(prefix) ? prefix : undefined);
    phones.push({ number, digits, kind, ...(ext ? { extension: ext } : {}), ...(phoneLabel ? { label: phoneLabel } : {}) });
    const expected = kind === "mobile" || kind === "ip" || digits.startsWith("0800") ? 11 : 10;
    if (digits.length !== expected) {
      problems.push({ severity: "warning", rule: "contact/phone-length", message: `${number} has ${digits.length} digits; a ${kind} number has ${expected}` });
    }
    return " ";
  });
  const departments = splitDepartments(t);
  if (phones.length + emails.length + urls.length + departments.length === 0) {
    problems.push({ severity: "warning", rule: "contact/empty", message: `no contact details in "${raw}"` });
  }
  return { value: { departments, phones, emails, urls }, raw, problems };
}

function splitDepartments(text: string): Department[] {
  const pieces = text
    .replace(LEAD_IN, " ")
    .split(/[\s,、]+|もしくは|または|又は/)
    .map((p) => p.replace(/^[■□●○◆・:()]+|[:()]+$/g, "").replace(/^(℡|TEL|電話(番号)?|FAX|E-?mail|メール)$/i, ""))
    .filter((p) => p !== "" && !/^(\d+|[■□●○◆・]+)$/.test(p));
  const out: Department[] = [];
  let pending = "";
  for (const piece of pieces) {
    pending += piece;
    const suffix = UNIT_SUFFIXES.find((s) => pending.endsWith(s));
    if (suffix) {
      out.push({ name: pending, level: suffix });
      pending = "";
    }
  }
  if (pending !== "") out.push({ name: pending, level: "other" });
  return out;
}
