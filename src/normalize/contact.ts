/**
 * 問い合わせ先 blocks: departments, phone numbers with extension and label,
 * e-mail addresses and URLs.
 */
import type { Normalized, Problem } from "./types.js";
import { clip, toHalfWidth } from "./width.js";

/** A phone number from a contact block. */
export interface Phone {
  /** As written, width-folded: "04992-5-0204". */
  number: string;
  /** Digits only: "0499250204". */
  digits: string;
  /** 内線 number: "216" (the first when several are written). */
  extension?: string;
  /** Every 内線 number when several are written: (内線216・217) → ["216", "217"]. */
  extensions?: string[];
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
  /** Opening hours, e.g. ["平日9:00~17:00"] for （平日9:00～17:00）; absent when none. */
  hours?: string[];
  /** 郵便番号 after 〒, e.g. "100-8916"; absent when none. */
  postalCode?: string;
  /** A postal address, e.g. "東京都千代田区霞が関1-2-2"; absent when none. */
  address?: string;
}

const URL_RE = /https?:\/\/[^\s<>"、。）)」]+/g;
// The lookbehind anchors the local part at its start, so a long run of letters is scanned once, not once per position.
const EMAIL_RE = /(?:E-?mail|メール)?\s*:?\s*(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/gi;
const PHONE_RE = new RegExp(
  String.raw`(?:(℡|TEL|Tel|tel|電話(?:番号)?|ナビダイヤル|フリーダイヤル|FAX|Fax|ファックス|代表電話|代表|直通電話|直通)\s*:?\s*)?` +
    String.raw`(?<!\d)(0\d{1,4}-\d{1,4}-\d{3,4}|0\d{1,4}\(\d{1,4}\)\d{3,4}|\(0\d{1,4}\)\d{1,4}-\d{3,4}|0\d{9,10})(?!\d)` +
    String.raw`(?:\s*\(?内線\s*:?\s*(\d+(?:[・,、]\d+)*)\)?)?(?:\s*\(([^()\d]{1,12})\))?`,
  "g",
);
/** Opening hours: 平日9:00～17:00, 月～金 9時～17時 (after width folding ～ is ~). */
const HOURS_RE =
  /\(?(?:(?:受付|開庁|対応)?時間\s*:?\s*)?(?:平日|土日祝?日?|[月火水木金土日祝](?:曜日?)?(?:[~・-][月火水木金土日祝](?:曜日?)?)*)?\s*\d{1,2}(?::\d{2}|時(?:\d{1,2}分)?)\s*[~-]\s*\d{1,2}(?::\d{2}|時(?:\d{1,2}分)?)(?:\s*\([^()]{0,20}\))?\)?/g;
const POSTAL_RE = /〒\s*(\d{3}-?\d{4})/;
/** An address: a prefecture, then a municipality, then anything up to white space. */
const ADDRESS_RE = /(?:東京都|北海道|(?:京都|大阪)府|[^\s\d()、,]{2,3}県)[^\s()、,]*?[市区町村郡][^\s()、,]*\d[^\s()、,]*/;
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
  const contact: Partial<Contact> = {};
  const postal = POSTAL_RE.exec(t);
  if (postal) {
    contact.postalCode = postal[1]!.includes("-") ? postal[1]! : `${postal[1]!.slice(0, 3)}-${postal[1]!.slice(3)}`;
    t = t.slice(0, postal.index) + " " + t.slice(postal.index + postal[0].length);
  }
  const address = ADDRESS_RE.exec(t);
  if (address) {
    contact.address = address[0];
    t = t.slice(0, address.index) + " " + t.slice(address.index + address[0].length);
  }
  const phones: Phone[] = [];
  t = t.replace(PHONE_RE, (_all, prefix: string | undefined, number: string, ext: string | undefined, label: string | undefined) => {
    const digits = number.replace(/\D/g, "");
    const kind = phoneKind(digits);
    const phoneLabel = label?.trim() ?? (prefix && !/^(℡|TEL|Tel|tel|電話(番号)?)$/.test(prefix) ? prefix : undefined);
    const extensions = ext?.split(/[・,、]/) ?? [];
    phones.push({
      number, digits, kind,
      ...(extensions.length > 0 ? { extension: extensions[0]! } : {}),
      ...(extensions.length > 1 ? { extensions } : {}),
      ...(phoneLabel ? { label: phoneLabel } : {}),
    });
    const expected = kind === "mobile" || kind === "ip" || digits.startsWith("0800") ? 11 : 10;
    if (digits.length !== expected) {
      problems.push({ severity: "warning", rule: "contact/phone-length", message: `${number} has ${digits.length} digits; a ${kind} number has ${expected}` });
    }
    return " ";
  });
  const hours: string[] = [];
  t = t.replace(HOURS_RE, (m) => {
    hours.push(m.replace(/^\(|\)$/g, "").trim());
    return " ";
  });
  if (hours.length > 0) contact.hours = hours;
  const departments = splitDepartments(t);
  if (phones.length + emails.length + urls.length + departments.length === 0 && Object.keys(contact).length === 0) {
    problems.push({ severity: "warning", rule: "contact/empty", message: `no contact details in "${clip(raw)}"` });
  }
  return { value: { departments, phones, emails, urls, ...contact }, raw, problems };
}

function splitDepartments(text: string): Department[] {
  const pieces = text
    .replace(LEAD_IN, " ")
    .split(/[\s,、]+|もしくは|または|又は/)
    .map((p) => p.replace(/^[■□●○◆:()]+|[:()]+$/g, "").replace(/^(℡|TEL|電話(番号)?|FAX|E-?mail|メール)$/i, ""))
    .filter((p) => p !== "" && !/^(\d+|[■□●○◆・]+|[\/／|｜~-]+|URL|HP|ホームページ|Web|WEB)$/i.test(p));
  const out: Department[] = [];
  let pending = "";
  for (const piece of pieces) {
    // A leading ・ is a bullet before a name, but part of a name broken at the line end (建設 / ・雇用促進担当).
    pending += pending === "" ? piece.replace(/^・+/, "") : piece;
    if (pending === "") continue;
    const suffix = UNIT_SUFFIXES.find((s) => pending.endsWith(s));
    if (suffix) {
      out.push({ name: pending, level: suffix });
      pending = "";
    }
  }
  if (pending !== "") out.push({ name: pending, level: "other" });
  return out;
}
