/**
 * Width folding for the grammars that need it (numbers, dates, phones).
 * This is deliberately not NFKC: only full-width ASCII (U+FF01–U+FF5E), the
 * ideographic space and a few dash and wave look-alikes are folded, so text
 * fields elsewhere keep ①, ㈱, ½ and half-width katakana as printed.
 */

const DASHES = /[‐‑‒–—―−]/g; // U+2010–2015, U+2212: all read as "-"

/**
 * Fold full-width ASCII to ASCII, U+3000 to a space, `〜` to `~` and dash
 * look-alikes to `-` (not with `dashes: false`). Katakana `ー` is left alone (it is a
 * letter). One character for one: a pattern found in the folded text is at the same
 * offsets in the printed one.
 *
 * @example toHalfWidth("１4０，０００") // "140,000"
 * @example toHalfWidth("０９０−１２３４", { dashes: false }) // "090−1234"
 */
export function toHalfWidth(text: string, opts: { dashes?: boolean } = {}): string {
  let out = "";
  for (const ch of asText(text)) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else if (ch === "〜") out += "~";
    else out += ch;
  }
  return opts.dashes === false ? out : out.replace(DASHES, "-");
}

/** True when `text` mixes full-width and ASCII digits (a sign of hand typing). */
export function hasMixedWidthDigits(text: string): boolean {
  return /[0-9]/.test(text) && /[０-９]/.test(text);
}

/** Full-width and East Asian characters: kana, ideographs, full-width forms, CJK punctuation. */
const WIDE = "\\u3000-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff\\uff01-\\uff60\\uffe0-\\uffe6";
const WIDTH_GAP = new RegExp(`(?<=[${WIDE}])[ \\t\\u00a0\\u2009\\u202f]+(?=[!-~])|(?<=[!-~])[ \\t\\u00a0\\u2009\\u202f]+(?=[${WIDE}])`, "g");

/**
 * Remove the gaps office software prints between Asian and Latin text (LibreOffice's and
 * Word's autospace), which a text layer gives as spaces: a space between a full-width or
 * Japanese character and an ASCII one goes. For values (numbers, dates), not prose.
 *
 * @example closeWidthGaps("R ４ .1.1") // "R４.1.1"
 * @example closeWidthGaps("1 ５６ 人") // "1５６人"
 */
export function closeWidthGaps(text: string): string {
  return asText(text).replace(WIDTH_GAP, "");
}

/** Remove every kind of white space, including U+3000. */
export function stripSpaces(text: string): string {
  return asText(text).replace(/[\s\u3000]+/g, "");
}

/**
 * The raw text for a problem message: any value as a string (a Symbol too,
 * without throwing), cut to `max` characters with "…" so a 100,000-character
 * cell does not make a 100,000-character message.
 *
 * @example clip("x".repeat(100)) // "xxxx…" (60 characters and "…")
 */
export function clip(raw: unknown, max = 60): string {
  let s: string;
  try {
    s = typeof raw === "string" ? raw : String(raw);
  } catch {
    s = Object.prototype.toString.call(raw);
  }
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Any input as a string, never throwing: null/undefined → "", a Symbol → its description text. */
export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  try {
    return String(value);
  } catch {
    return "";
  }
}
