/**
 * Organisation names with their legal form written out: (株)ヤマキイチ商店 →
 * 株式会社ヤマキイチ商店, スズキハイテック(株) → スズキハイテック株式会社.
 */
import type { Normalized } from "./types.js";
import { clip, asText } from "./width.js";

/** Result value of {@link normalizeOrgName}. */
export interface OrgName {
  /** The canonical name: legal form written out, in the position it was written. */
  name: string;
  /** The name without its legal form, e.g. "ヤマキイチ商店". */
  core: string;
  /** The legal form written out, e.g. "株式会社"; absent when none was found. */
  legalForm?: string;
  /** Where the legal form stands. */
  position?: "before" | "after";
}

/** Abbreviations in brackets, e.g. (株), （一社）, and their full forms. */
const ABBREVIATIONS: Record<string, string> = {
  "株": "株式会社", "有": "有限会社", "同": "合同会社", "資": "合資会社", "名": "合名会社",
  "一社": "一般社団法人", "一財": "一般財団法人", "公社": "公益社団法人", "公財": "公益財団法人",
  "社": "社団法人", "財": "財団法人", "特非": "特定非営利活動法人", "NPO": "特定非営利活動法人",
  "社福": "社会福祉法人", "福": "社会福祉法人", "医": "医療法人", "医社": "医療社団法人", "学": "学校法人", "独": "独立行政法人",
};
/** Single-character ligatures: ㈱ ㈲ ㈳ ㈶ ㈴ ㈵ ㈿. */
const LIGATURES: Record<string, string> = {
  "㈱": "株式会社", "㈲": "有限会社", "㈳": "社団法人", "㈶": "財団法人", "㈴": "合名会社", "㈵": "特殊法人", "㈿": "協同組合",
};
/** Legal forms written in full; when several occur, the one starting first wins, and at the same place the longest (地方独立行政法人 over 独立行政法人). */
const FULL_FORMS = [
  "特定非営利活動法人", "地方独立行政法人", "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人", "独立行政法人",
  "国立大学法人", "社会福祉法人", "医療社団法人", "医療財団法人", "社会医療法人", "株式会社", "有限会社", "合同会社", "合資会社", "合名会社",
  "社団法人", "財団法人", "医療法人", "学校法人", "宗教法人", "協同組合",
];
const BRACKETED = new RegExp(`[(（]\\s*(${Object.keys(ABBREVIATIONS).join("|")})\\s*[)）]`);
const NPO_PREFIX = /^(?:NPO|ＮＰＯ)法人/;

/**
 * Write out the legal form of an organisation name, before or after the name
 * as printed: (株), （株）, ㈱, 株式会社, (有), (一社), NPO法人,
 * 特定非営利活動法人 …. Only the legal form is rewritten; the rest of the
 * name is kept as printed (full-width letters, ① and the like stay).
 *
 * @example normalizeOrgName("(株)ヤマキイチ商店").value // { name: "株式会社ヤマキイチ商店", core: "ヤマキイチ商店", legalForm: "株式会社", position: "before" }
 * @example normalizeOrgName("スズキハイテック(株)").value?.name // "スズキハイテック株式会社"
 */
export function normalizeOrgName(text: string): Normalized<OrgName> {
  const raw = text;
  const s = asText(text).trim();
  if (s === "") return { value: null, raw, problems: [{ severity: "info", rule: "org/empty", message: "empty cell" }] };

  let form: string | undefined;
  let before = "";
  let after = "";
  const bracketed = BRACKETED.exec(s);
  const ligature = /[㈱㈲㈳㈶㈴㈵㈿]/.exec(s);
  const npo = NPO_PREFIX.exec(s);
  const full = FULL_FORMS.map((f) => ({ f, i: s.indexOf(f) }))
    .filter(({ i }) => i >= 0)
    .sort((a, b) => a.i - b.i || b.f.length - a.f.length)[0];
  if (bracketed) {
    form = ABBREVIATIONS[bracketed[1]!];
    [before, after] = [s.slice(0, bracketed.index), s.slice(bracketed.index + bracketed[0].length)];
  } else if (ligature) {
    form = LIGATURES[ligature[0]];
    [before, after] = [s.slice(0, ligature.index), s.slice(ligature.index + 1)];
  } else if (npo) {
    form = "特定非営利活動法人";
    after = s.slice(npo[0].length);
  } else if (full) {
    form = full.f;
    [before, after] = [s.slice(0, full.i), s.slice(full.i + full.f.length)];
  }
  if (form === undefined) return { value: { name: s, core: s }, raw, problems: [] };
  before = before.trim();
  after = after.trim();
  const problems = before !== "" && after !== ""
    ? [{ severity: "info" as const, rule: "org/form-inside", message: `"${clip(raw)}": the legal form stands inside the name` }]
    : [];
  const position = before === "" ? "before" : "after";
  const core = before === "" ? after : after === "" ? before : `${before}${after}`;
  const name = before === "" ? form + after : before + form + after;
  return { value: { name, core, legalForm: form, position }, raw, problems };
}
