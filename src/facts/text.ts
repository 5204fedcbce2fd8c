/**
 * What every fact finder shares: the folded text it reads, which characters are
 * already taken by a fact, and a match loop that tries again one character on when
 * a candidate is refused.
 */
import { toHalfWidth } from "../normalize/width.js";

/**
 * The text the finders read: full-width ASCII folded, 〜 → ~, dash look-alikes → "-",
 * and ー between digits (a dash typed as the long vowel mark, 03ー1234ー5678) → "-".
 * Every replacement is one UTF-16 unit for one, so an offset into the folded text is
 * an offset into the printed text.
 */
export function fold(text: string): string {
  return toHalfWidth(text).replace(/(?<=\d)ー(?=\d)/g, "-");
}

/** Which characters of a text already belong to a fact: the first finder to claim one wins. */
export class Claims {
  private readonly taken: Uint8Array;

  constructor(length: number) {
    this.taken = new Uint8Array(length);
  }

  get length(): number {
    return this.taken.length;
  }

  isFree(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i]) return false;
    return true;
  }

  take(start: number, end: number): void {
    this.taken.fill(1, start, end);
  }

  /** The claims of two texts read one after the other (a line and the line it wraps onto). */
  static concat(a: Claims, b: Claims): Claims {
    const out = new Claims(a.length + b.length);
    out.taken.set(a.taken, 0);
    out.taken.set(b.taken, a.length);
    return out;
  }

  /** Copy the claims of `start..end` of this text into `into`, from `at` on. */
  copyTo(into: Claims, start: number, end: number, at: number): void {
    into.taken.set(this.taken.subarray(start, end), at);
  }
}

/**
 * Runs the global regex `re` over `text`; `accept` reads a match and returns where the
 * fact it made ends (it may reach past the match: a range, a time), or null when the
 * match is no fact. A refused match is tried again one character further on, so a
 * candidate that overlaps a claimed span does not hide a good one inside it.
 */
export function eachMatch(re: RegExp, text: string, accept: (m: RegExpExecArray) => number | null): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = accept(m);
    re.lastIndex = end === null ? m.index + 1 : Math.max(end, m.index + 1);
  }
}
