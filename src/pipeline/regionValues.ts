/**
 * Printed lines → values for the region reader: text joined the Japanese way, paragraphs,
 * lists (bullets, one item a line, wrapped lines joined, 、-separated, a trailing 等 as a
 * flag), numbers, dates, amounts, region names with municipality codes, phones — all by
 * src/normalize, each value with its page, box and printed text.
 */
import { union } from "../facts/chars.js";
import { parseAmount } from "../normalize/amounts.js";
import { lookupMunicipality } from "../normalize/municipality.js";
import { parseNumber } from "../normalize/numbers.js";
import { parseDate } from "../normalize/wareki.js";
import { closeWidthGaps, toHalfWidth } from "../normalize/width.js";
import { scanFacts } from "../facts/scan.js";
import type { Box } from "../model/page.js";
import type { ContactsValue, DateField, FactValue, ListItem, ListValue, RegionFieldSpec, RegionListSpec, RegionName, Sourced } from "./regionSpec.js";

export interface TextLine {
  text: string;
  box: Box;
  size: number;
}

const ASCII_WORD = /[A-Za-z]/;
/** Lines joined: no space between Japanese lines or digits (a wrap), one between two Latin words. */
export function joinLines(lines: readonly { text: string }[]): string {
  let out = "";
  for (const l of lines) {
    const t = l.text.trim();
    if (!t) continue;
    out += out && ASCII_WORD.test(out.at(-1)!) && ASCII_WORD.test(t[0]!) ? ` ${t}` : t;
  }
  return out;
}

/** Characters a Japanese line may not start with (禁則): closing brackets, stops, small kana, ー. */
const NO_START = /[)）」』】〕］\]、。，．,.!！?？ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・：；]/;
/**
 * Whether a line goes on in the next: it reaches its box's right edge (less room left than
 * one more character and the box's padding), or it stops up to three characters short
 * because the next line starts with one or two characters a line may not start with (the
 * break moved back, 禁則).
 */
function wraps(l: TextLine, next: TextLine | undefined, edge: number): boolean {
  if (!next) return false;
  const room = edge - l.box.x1;
  const head = next.text.trim();
  const pushed = NO_START.test(head[0] ?? "") || NO_START.test(head[1] ?? "");
  return room < (pushed ? 3.3 : 1.3) * l.size + 3;
}

/**
 * Where the lines' spacing tells paragraphs apart (space under each paragraph, as slide
 * lists have): for each line, whether a wider gap than between its wrapped lines follows.
 * Null when the lines are evenly spaced and the spacing tells nothing.
 */
function spacedBreaks(lines: readonly TextLine[], list: boolean): boolean[] | null {
  if (lines.length < 2) return null;
  const gaps = lines.slice(1).map((l, i) => l.box.y0 - lines[i]!.box.y1);
  const size = Math.min(...lines.map((l) => l.size));
  const min = Math.min(...gaps);
  if (gaps.some((g) => g > 2 * size)) return null;
  // A list whose lines are all further apart than wrapped lines ever are: one item a line.
  if (list && min > LIST_GAP * size) return lines.map(() => true);
  if (lines.length < 3 || Math.max(...gaps) - min < 0.25 * size) return null;
  return [...gaps.map((g) => g > min + 0.25 * size), true];
}
/** Lines of a list this far apart (in ems) are items with space under each, never one wrapped item. */
const LIST_GAP = 0.7;

/** Lines → paragraphs: a line that stops short of the right edge, or a bulleted line after it, ends one. */
export function paragraphs(lines: readonly TextLine[], edge: (l: TextLine) => number, bullet?: RegExp, list = false): string[] {
  const out: TextLine[][] = [];
  let cur: TextLine[] = [];
  const spaced = spacedBreaks(lines, list);
  lines.forEach((l, i) => {
    if (cur.length && (bullet?.test(l.text.trim()) || PRIVATE_USE.test(l.text.trim()))) {
      out.push(cur);
      cur = [];
    }
    cur.push(l);
    if (spaced ? spaced[i] : !wraps(l, lines[i + 1], edge(l))) {
      out.push(cur);
      cur = [];
    }
  });
  if (cur.length) out.push(cur);
  return out.map((ls) => joinLines(ls).replace(PRIVATE_USE, "").trim()).filter(Boolean);
}

/** A symbol-font bullet (●, ■ drawn from Wingdings) comes out of the text layer as a private-use character. */
const PRIVATE_USE = /^[\ue000-\uf8ff]\s*/;

const ETC = /\s*等$/;
/** Split at separators that are not inside brackets. */
function splitOutside(text: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if ("（(「『【［[〔".includes(ch)) depth++;
    else if ("）)」』】］]〕".includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && sep.test(ch)) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Lines → list items: bullets start items (else each unwrapped line is one); 、 splits; 等 is a flag. */
export function groupItems(lines: readonly TextLine[], spec: RegionListSpec | undefined, edge: (l: TextLine) => number): ListValue {
  let texts: string[];
  if (spec?.bullet) {
    const items: TextLine[][] = [];
    for (const l of lines) {
      const t = l.text.trim();
      if (spec.bullet.test(t) || items.length === 0) items.push([l]);
      else items[items.length - 1]!.push(l);
    }
    texts = items.map((ls) => joinLines(ls).replace(spec.bullet!, "").trim());
  } else {
    texts = paragraphs(lines, edge, undefined, true);
  }
  if (spec?.split) texts = texts.flatMap((t) => splitOutside(t, spec.split!));
  const items: ListItem[] = [];
  for (const raw of texts) {
    const t = raw.trim();
    if (!t) continue;
    if (t === "等") {
      // 等 alone on the last line belongs to the item before it
      if (items.length) items[items.length - 1]!.etc = true;
      continue;
    }
    items.push(ETC.test(t) && t.length > 1 ? { text: t.replace(ETC, ""), etc: true } : { text: t });
  }
  return { items, etc: items.some((i) => i.etc) };
}

/** A number with office gaps closed first (`1 ５６ 人` → 156). */
function number(text: string): { value: number | null; problems: Sourced<unknown>["problems"] } {
  const n = parseNumber(closeWidthGaps(text).replace(/\s+(?=[人名％%])/g, ""));
  return { value: n.value, problems: n.problems };
}

export function readDate(text: string): { value: DateField | null; problems: Sourced<unknown>["problems"] } {
  const d = parseDate(closeWidthGaps(text));
  if (!d.value) return { value: null, problems: d.problems };
  const v: DateField = { iso: d.value.iso };
  if (d.value.era) {
    v.era = d.value.era.name;
    v.eraYear = d.value.era.year;
  }
  return { value: v, problems: d.problems };
}

const PREFECTURE = /^(北海道|東京都|(?:京都|大阪)府|.{2,3}?県)/;
/** 「岩手県二戸地域（二戸市、一戸町…）」 → prefecture, region name, member municipalities with codes. */
export function readRegionName(text: string): RegionName {
  const t = text.replace(/\s+/g, "");
  const pm = PREFECTURE.exec(t);
  const prefecture = pm && lookupMunicipality(pm[1]!).value?.kind === "prefecture" ? pm[1]! : null;
  const rest = prefecture ? t.slice(prefecture.length) : t;
  const m = /^(.+?)(?:[（(](.+)[）)])?$/.exec(rest);
  const name = m?.[1] ?? rest;
  const members = m?.[2] ? splitOutside(m[2], /[、，,・]/).map((s) => s.trim()).filter(Boolean) : /[市区町村]$/.test(name) ? [name] : [];
  const options = prefecture ? { prefecture } : {};
  return {
    prefecture,
    name,
    municipalities: members.map((n) => {
      const found = lookupMunicipality(n, options);
      return { name: n, code: found.match === "exact" || found.match === "variant" ? found.value?.code ?? null : null };
    }),
  };
}

/** A field's lines → its value with evidence, or null when the lines hold none. */
export function readValue(f: RegionFieldSpec, lines: readonly TextLine[], edge: (l: TextLine) => number, page: number): Sourced<unknown> | null {
  const box = union(lines.map((l) => l.box));
  let raw = joinLines(lines);
  if (f.pick) {
    const m = f.pick.exec(f.kind === "text" || f.kind === "paragraphs" || f.kind === "list" ? raw : closeWidthGaps(raw));
    if (!m) return null;
    raw = m[1] ?? m[0];
  }
  const base = { raw, page, box };
  switch (f.kind) {
    case "text":
      return raw ? { ...base, value: raw } : null;
    case "paragraphs":
      return { ...base, raw: lines.map((l) => l.text).join("\n"), value: paragraphs(lines, edge, f.list?.bullet) };
    case "list": {
      const v = groupItems(lines, f.list, edge);
      return v.items.length ? { ...base, raw: lines.map((l) => l.text).join("\n"), value: v } : null;
    }
    case "integer":
    case "percent": {
      const n = number(raw);
      if (n.value === null) return null;
      return { ...base, value: n.value, ...(n.problems?.length ? { problems: n.problems } : {}) };
    }
    case "amount": {
      const a = parseAmount(closeWidthGaps(raw));
      return a.value === null ? null : { ...base, value: a.value, ...(a.problems.length ? { problems: a.problems } : {}) };
    }
    case "date": {
      const d = readDate(raw);
      return d.value ? { ...base, value: d.value } : null;
    }
    case "region":
      return raw ? { ...base, value: readRegionName(raw) } : null;
    case "contacts": {
      const v = readContacts(lines);
      return v.offices.length || v.phones.length ? { ...base, raw: lines.map((l) => l.text).join("\n"), value: v } : null;
    }
    case "facts": {
      const keep = new Set<string>(f.facts ?? ["amount", "cap", "rate"]);
      const found: FactValue[] = scanFacts(lines.map((l) => l.text).join("\n"))
        .filter((x) => keep.has(x.kind))
        .map((x) => ({ kind: x.kind, text: x.text, value: x.value }));
      return found.length ? { ...base, raw: lines.map((l) => l.text).join("\n"), value: found } : null;
    }
    case "phones": {
      const phones = scanFacts(lines.map((l) => l.text).join("\n")).filter((x) => x.kind === "phone").map((x) => x.text);
      return phones.length ? { ...base, value: phones } : null;
    }
  }
}

const ENUMERATOR = /^\s*(?:[（(]\s*[0-9０-９]{1,2}\s*[)）]\s*)+(?:[,，、]\s*[（(]?[0-9０-９]{1,2}[)）]?\s*)*|^\s*[0-9０-９]{1,2}(?:\s*[,，、]\s*[0-9０-９]{1,2})*\s*[.．、]\s*/;
/** A contact badge's lines → the offices (a line's text without its phone numbers) and the phone numbers. */
export function readContacts(lines: readonly TextLine[]): ContactsValue {
  const offices: string[] = [];
  const phones: string[] = [];
  for (const l of lines) {
    const facts = scanFacts(l.text).filter((x) => x.kind === "phone");
    let text = l.text;
    for (const p of facts) {
      phones.push(toHalfWidth(p.text).replace(/\s+/g, "").replace(/(?<=\d)[ー－―‐](?=\d)/g, "-"));
      text = text.replace(p.text, " ");
    }
    text = text.replace(ENUMERATOR, "").replace(/[（(]\s*[)）]/g, "").replace(/\s+/g, " ").trim();
    if (text && /[^\s\d\-ー－]/.test(text)) offices.push(text);
  }
  return { offices, phones };
}
