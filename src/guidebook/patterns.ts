/**
 * The guidebook reader's patterns: how a contents table, a programme page and a
 * 問い合わせ先 block print what the reader looks for. They are the reader's, not a
 * family's: a family (pipelines/<name>.ts) declares only its words — categories, heading
 * names, the endings of its need tags, its deadline words — and `patternsOf` makes the
 * few patterns that hold them.
 */
import type { GuidebookSpec } from "./types.js";

/** A cell marking a category in the contents: ●. */
export const TOC_MARK = /[●○◎◯〇✓✔]/;
/** A programme cell that is a case study, not a programme: ＞(株)ヤマキイチ商店. */
export const CASE_STUDY = /^[＞>]\s*/;
/** The page cell: "6", "23-30"; groups 1 and 2 are the first and last page. */
export const TOC_PAGES = /^(\d{1,3})(?:[-‐－―~〜～](\d{1,3}))?$/;
/** The chapter heading in a contents table's header row: "1 人材課題への対応"; groups: number, name. */
export const TOC_CHAPTER = /^([0-9０-９]{1,2})\s*(.+)$/s;

/** A bracketed ministry at the title's end: （厚労省）, 【厚生労働省】; group 1 is the ministry. */
export const MINISTRY = /[（(【]([^（）()【】]{0,12}(?:省|庁|府|機構|IPA)(?:・[^（）()【】]{1,8})?)[）)】]/g;
/** A section heading line: "1.概要"; groups: number, name. */
export const HEADING = /^([0-9０-９]{1,2})[.．]\s*(\S.*)$/;

/** Where a contact block starts: ○問い合わせ先. */
export const CONTACT = /^[○●◯〇◆■□・]?\s*(?:お|本事業に関する)?問い?合わ?せ先(?:[（(][^）)]{3,}[）)])?\s*[:：]?\s*/;
/** A label before a phone: ℡, TEL, 専用回線 … (group 1 is kept as the note when not a plain phone sign). */
export const PHONE_LABEL = /(℡|TEL|Tel|tel|電話番号|電話|ナビダイヤル|フリーダイヤル|専用回線|直通|代表|FAX|Fax)\s*[:：]?\s*$/;
export const MAIL_LABEL = /(?:E-?MAIL|E-?mail|MAIL|Mail|メール)\s*[:：]?\s*$/;
export const URL_LABEL = /(?:事務局)?(?:HP|ホームページ|URL|Web|WEB|サイト)\s*[:：]?\s*$/;
/** Opening hours, with or without a label: 受付時間：平日9:30～12:00; group 1 is the hours. */
export const HOURS = /(?:受付|対応|開庁)?(?:[/／]回答)?時間\s*[:：]?\s*(.+)$/;
/** A contact line that starts with a label of its own (an item, an audience): (a)～(c), ＊, 助成金について. */
export const CONTACT_LEAD = /^(?:[＊*・■◆●]|([(（][A-Za-zＡ-Ｚａ-ｚ0-9０-９]{1,2}[)）](?:\s*[～〜~\-－]\s*[(（][A-Za-zＡ-Ｚａ-ｚ0-9０-９]{1,2}[)）])?|[^\s(（]{1,12}について))\s*/;
/** Between two contacts on one line: 022-221-4907（直通）もしくは 最寄りのJETRO, 最寄りのセンター または 独立行政法人…. */
export const ALTERNATIVE = /(?:^|\s)(?:もしくは|または|又は|或いは)\s+/;

/** The patterns made of a family's words. */
export interface FamilyPatterns {
  /** The need tag printed above a title: 「…を知りたい」. */
  need: RegExp;
  /** Words that make a day a deadline when they stand by it: 締切, 必着, 受付期間 … */
  deadline: RegExp;
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const anyOf = (words: readonly string[]) => words.map(escape).join("|");

const made = new WeakMap<GuidebookSpec, FamilyPatterns>();

/** The patterns of a family's words (made once a spec). */
export function patternsOf(spec: GuidebookSpec): FamilyPatterns {
  let p = made.get(spec);
  if (!p) {
    p = {
      need: new RegExp(`(?:${anyOf(spec.page.needEndings)})[！!]?$`),
      deadline: new RegExp(anyOf(spec.facts.deadlineWords)),
    };
    made.set(spec, p);
  }
  return p;
}
