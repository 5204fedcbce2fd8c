/**
 * Text-layer repair: what PDF producers write that is not what the page shows.
 *
 * - Kangxi Radicals (U+2F00–2FD5) and CJK Radicals Supplement (U+2E80–2EFF) that stand
 *   in for ordinary kanji (⾦ → 金, ⻄ → 西), from Unicode's EquivalentUnifiedIdeograph.
 * - Half-width katakana and punctuation (U+FF61–FF9F) → full-width, voiced marks
 *   composed (ｶﾞ → ガ, ｰ → ー).
 * - Control and zero-width characters dropped; tab/newline become a space.
 *
 * Nothing else is touched: no blanket NFKC (① and ½ stay as printed).
 */
import { RADICAL_TO_IDEOGRAPH } from "./radicals.js";

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const WHITESPACE_CONTROL = /[\t\n\r]/g;
const RADICAL = /[\u2E80-\u2EFF\u2F00-\u2FDF]/g;
/** Half-width katakana, with any following (semi-)voiced sound marks. */
const HALFWIDTH_KANA = /[\uFF61-\uFF9F]+/g;

export function replaceRadicals(text: string): string {
  return text.replace(RADICAL, (ch) => {
    const to = RADICAL_TO_IDEOGRAPH.get(ch.codePointAt(0)!);
    return to === undefined ? ch : String.fromCodePoint(to);
  });
}

export function widenHalfwidthKana(text: string): string {
  // NFKC on the half-width kana block only is exactly the width mapping plus dakuten composition.
  return text.replace(HALFWIDTH_KANA, (s) => s.normalize("NFKC"));
}

export function dropControls(text: string): string {
  return text.replace(WHITESPACE_CONTROL, " ").replace(CONTROL, "");
}

/** All repairs, in order. Returns the input unchanged (same string) when nothing applies. */
export function repairText(raw: string): string {
  return widenHalfwidthKana(replaceRadicals(dropControls(raw)));
}

/** The first character (code point) of a string; "" for "". */
export function firstChar(s: string): string {
  const c = s.codePointAt(0);
  return c === undefined ? "" : String.fromCodePoint(c);
}

/** The last character (code point) of a string, a surrogate pair whole; "" for "". Allocates no array. */
export function lastChar(s: string): string {
  if (s.length >= 2) {
    const lo = s.charCodeAt(s.length - 1);
    const hi = s.charCodeAt(s.length - 2);
    if (lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff) return s.slice(-2);
  }
  return s.slice(-1);
}

/** Rough advance of a character in em: full-width scripts 1, others about half. */
export function emWidth(ch: string): number {
  // Any code point of `ch` in a full-width block (Hangul Jamo, CJK, Hangul syllables, CJK
  // compatibility, vertical forms, full-width forms, CJK extensions B–G); once per glyph,
  // so by code point rather than by regular expression.
  for (let i = 0; i < ch.length; i++) {
    const cp = ch.codePointAt(i)!;
    if (cp > 0xffff) {
      if (cp >= 0x20000 && cp <= 0x3ffff) return 1;
      i++; // the pair's second half
    } else if (
      (cp >= 0x1100 && cp <= 0x11ff) ||
      (cp >= 0x2e80 && cp <= 0x9fff) ||
      (cp >= 0xac00 && cp <= 0xd7af) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6)
    ) {
      return 1;
    }
  }
  return 0.55;
}
