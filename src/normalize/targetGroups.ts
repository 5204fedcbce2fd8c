/**
 * Target groups of a programme (若者, 女性, シニア・高齢者 …) from its
 * description, using kuromoji's word boundaries (the lean segmenter of ./segmenter.ts)
 * and the lexicon in `data/target-groups.json`. loadTokenizer gives kuromoji's full
 * tokenizer (parts of speech, readings) to callers that want more than boundaries.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type kuromoji from "kuromoji";
import lexicon from "./data/target-groups.json" with { type: "json" };
import { loadSegmenter, type Segmenter } from "./segmenter.js";
import type { Normalized } from "./types.js";
import { parseDate, parseFiscalYear } from "./wareki.js";
import { toHalfWidth } from "./width.js";

/** One group of the lexicon. */
export interface TargetGroupDefinition {
  id: string;
  label: string;
  terms: string[];
}

/** A group found in a text, with the words that show it. */
export interface TargetTag {
  id: string;
  label: string;
  /** The matched terms or age expressions, in order of first appearance. */
  evidence: string[];
}

/** An age range stated in the text: 65歳以上 → { min: 65, max: null }. */
export interface AgeRange {
  text: string;
  min: number | null;
  max: number | null;
}

/** Result value of {@link tagTargetGroups}. */
export interface TargetGroups {
  tags: TargetTag[];
  ages: AgeRange[];
  /** Dates and fiscal years found (and masked) before tokenising, as ISO. */
  dates: string[];
}

/** The lexicon, as data. */
export const TARGET_GROUPS: readonly TargetGroupDefinition[] = lexicon.groups;

/** Phrases that contain a group term but name no group (システム障害, 保育士); they tag nothing. */
const NOT_TARGETS: ReadonlySet<string> = new Set(lexicon.notTargets);
/** Terms that tag a group only when another word appears too (留学生 with 外国). */
const CONDITIONAL: ReadonlyArray<{ id: string; term: string; whenAlso: string[] }> = lexicon.conditional;

const TERMS = [...new Set([...TARGET_GROUPS.flatMap((g) => g.terms), ...NOT_TARGETS, ...CONDITIONAL.map((c) => c.term)])];

/** The terms by their first character, longest first (of equal length, in lexicon order). */
const TERMS_BY_FIRST = new Map<string, string[]>();
for (const term of [...TERMS].sort((a, b) => b.length - a.length)) {
  const list = TERMS_BY_FIRST.get(term[0]!) ?? [];
  list.push(term);
  TERMS_BY_FIRST.set(term[0]!, list);
}

/** Whether some term occurs in `text`. */
function holdsTerm(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const candidates = TERMS_BY_FIRST.get(text[i]!);
    if (candidates?.some((term) => text.startsWith(term, i))) return true;
  }
  return false;
}

type Tokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;
let tokenizer: Promise<Tokenizer> | undefined;

/**
 * Load the kuromoji dictionary (once per process; later calls share it).
 *
 * @example await loadTokenizer() // ≈1 s the first time, then instant
 */
export function loadTokenizer(): Promise<Tokenizer> {
  // kuromoji itself is loaded here, not with this module: every thread that runs a
  // pipeline loads this module, and kuromoji's code (~50 ms of CPU to load) only the
  // callers of this function need — kohyo's own reading uses ./segmenter.ts.
  tokenizer ??= import("kuromoji").then(
    ({ default: kuromoji }) =>
      new Promise<Tokenizer>((resolve, reject) => {
        const pkg = createRequire(import.meta.url).resolve("kuromoji/package.json");
        kuromoji.builder({ dicPath: join(dirname(pkg), "dict") }).build((err, t) => (err ? reject(err) : resolve(t)));
      }),
  ).catch((err: unknown) => {
    tokenizer = undefined; // let a later call retry
    throw err;
  });
  return tokenizer;
}

const AGE_RE = /(\d{1,3})歳\s*(?:から|~|-|以上|以下|未満|超)?\s*(?:(\d{1,3})歳(?:まで|以下|未満)?)?/g;
const DATE_RE = /(?:明治|大正|昭和|平成|令和|[MTSHR](?=\d))(?:\d{1,2}|元)(?:年度|年(?:\d{1,2}月(?:\d{1,2}日)?)?|\.\d{1,2}(?:\.\d{1,2})?)|\d{4}(?:年度|年(?:\d{1,2}月(?:\d{1,2}日)?)?)/g;
const NUMBER_RE = /\d[\d,.]*/g;

/** Blank out every match of `re` (keeping offsets), handing each match to `found`. Linear in the text length. */
function mask(text: string, re: RegExp, found: (m: RegExpMatchArray) => void): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(re)) {
    found(m);
    out += text.slice(last, m.index) + " ".repeat(m[0].length);
    last = m.index! + m[0].length;
  }
  return out + text.slice(last);
}

/** The longest piece handed to kuromoji at once: its lattice grows badly on long runs. */
export const MAX_CHUNK = 500;

/**
 * Cut a text into pieces of at most `max` characters for the tokenizer, at
 * sentence ends (。！？ and line breaks) first, then at clause punctuation
 * (、，), then hard. Joined, the pieces give the text back.
 *
 * @example chunkText("あ。い", 500) // ["あ。", "い"]
 */
export function chunkText(text: string, max = MAX_CHUNK): string[] {
  const out: string[] = [];
  for (const sentence of text.match(/[^。！？!?\n]*(?:[。！？!?\n]+|$)/g) ?? []) {
    if (sentence === "") continue;
    if (sentence.length <= max) {
      out.push(sentence);
      continue;
    }
    for (const clause of sentence.match(/[^、，,]*(?:[、，,]+|$)/g) ?? []) {
      for (let i = 0; i < clause.length; i += max) out.push(clause.slice(i, i + max));
    }
  }
  return out.filter((c) => c !== "");
}

/** 30歳から55歳 → 30–55; 65歳以上 → 65–; 35歳未満 → –34; 40歳 → 40–40. */
function ageRange(m: RegExpMatchArray): AgeRange {
  const text = m[0].trim();
  const a = Number(m[1]);
  if (m[2] !== undefined) return { text, min: a, max: Number(m[2]) };
  if (text.includes("以下")) return { text, min: null, max: a };
  if (text.includes("未満")) return { text, min: null, max: a - 1 };
  if (text.includes("超")) return { text, min: a + 1, max: null };
  if (/以上|から|~|-/.test(text)) return { text, min: a, max: null };
  return { text, min: a, max: a };
}

/**
 * Tag the target groups of a programme description. Dates, fiscal years,
 * ages and numbers are read and masked first (kuromoji would split 令和
 * into 令 | 和); the rest is tokenised and matched against the lexicon, a
 * term matching whole consecutive tokens only (so 男女 does not tag 女性).
 * Age ranges tag youth (all ≤ 39) or senior (all ≥ 60).
 *
 * @example (await tagTargetGroups("若者や育児休業から復職した女性")).value?.tags.map((t) => t.label)
 * // ["若者", "子育て", "女性"]
 */
export async function tagTargetGroups(text: string): Promise<Normalized<TargetGroups>> {
  return tagTargetGroupsNow(text);
}

/**
 * {@link tagTargetGroups} in the calling turn: the lean segmenter loads synchronously, so
 * a caller tagging many texts in a loop (the table engine) need not await each.
 */
export function tagTargetGroupsNow(text: string): Normalized<TargetGroups> {
  const raw = text;
  let t: Segmenter;
  try {
    t = loadSegmenter();
  } catch (err) {
    return { value: null, raw, problems: [{ severity: "error", rule: "target/no-dictionary", message: `kuromoji dictionary failed to load: ${String(err)}` }] };
  }
  const ages: AgeRange[] = [];
  const dates: string[] = [];
  let s = toHalfWidth(text ?? "");
  s = mask(s, DATE_RE, (m) => {
    const parsed = m[0].includes("年度") ? parseFiscalYear(m[0]).value : parseDate(m[0]).value;
    if (parsed) dates.push("iso" in parsed ? parsed.iso : `${parsed.start}/${parsed.end}`);
  });
  s = mask(s, AGE_RE, (m) => ages.push(ageRange(m)));
  s = mask(s, NUMBER_RE, () => {});

  const found = new Map<string, TargetTag>();
  const tag = (id: string, evidence: string): void => {
    const def = TARGET_GROUPS.find((g) => g.id === id);
    if (!def) return;
    const entry = found.get(id) ?? { id, label: def.label, evidence: [] };
    if (!entry.evidence.includes(evidence)) entry.evidence.push(evidence);
    found.set(id, entry);
  };
  // Longest match first at each token; a term must cover whole tokens.
  // Only clauses that hold a term somewhere can tag anything (a term must be whole tokens,
  // so it is a substring first): the others are not tokenised. kuromoji reads each clause
  // (up to 、 or 。) on its own anyway, so leaving some out changes no word of the others.
  const tokens = s
    .split(/(?<=[、。！？\n])/u)
    .filter(holdsTerm)
    .flatMap((clause) => chunkText(clause).flatMap((chunk) => t.segment(chunk)));
  const joined = tokens.join("");
  const boundary = new Uint8Array(joined.length + 1);
  for (let i = 0, at = 0; i < tokens.length; at += tokens[i++]!.length) boundary[at] = 1;
  boundary[joined.length] = 1;
  for (let at = 0; at < joined.length; ) {
    // The longest term that starts here and ends where a token does (so covers whole tokens).
    const best = TERMS_BY_FIRST.get(joined[at]!)?.find((term) => boundary[at + term.length] === 1 && joined.startsWith(term, at));
    if (!best) {
      do at++;
      while (boundary[at] !== 1);
      continue;
    }
    at += best.length;
    if (NOT_TARGETS.has(best)) continue;
    for (const group of TARGET_GROUPS) if (group.terms.includes(best)) tag(group.id, best);
    for (const c of CONDITIONAL) if (c.term === best && c.whenAlso.some((w) => s.includes(w))) tag(c.id, best);
  }
  for (const age of ages) {
    for (const rule of lexicon.ageRules) {
      const fits = ("maxAge" in rule && rule.maxAge !== undefined && age.max !== null && age.max <= rule.maxAge)
        || ("minAge" in rule && rule.minAge !== undefined && age.min !== null && age.min >= rule.minAge);
      if (fits) tag(rule.id, age.text);
    }
  }
  return { value: { tags: [...found.values()], ages, dates }, raw, problems: [] };
}
