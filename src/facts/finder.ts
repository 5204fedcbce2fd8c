/**
 * The shape every fact finder has: it reads the folded text, skips what an earlier
 * finder claimed, and claims what it finds.
 */
import type { Problem } from "../normalize/types.js";
import { type Claims, fold } from "./text.js";
import type { FactDetail, FactKind, TextFact } from "./types.js";

/** What a finder knows beyond the text itself. */
export interface ScanContext {
  /**
   * The text printed to the left on the same band, when the scanned text is a table
   * cell or a value after a label (申請締切 │ 2025年7月25日, 補助上限 │ 50万円).
   */
  label?: string;
  /** The calendar year of the last dated fact before this text: 同年 reads it. */
  year?: number;
}

export interface ScanInput {
  /** The text as printed. */
  text: string;
  /** The same text folded (see fold); offsets are shared. */
  folded: string;
  claims: Claims;
  context: ScanContext;
}

export type Finder = (input: ScanInput) => TextFact[];

/** Builds a fact of `input` from `start` to `end` and claims those characters. */
export function claim(
  input: ScanInput,
  kind: FactKind,
  start: number,
  end: number,
  value: number | string,
  detail: FactDetail = {},
  problems: Problem[] = [],
  to?: number | string,
): TextFact {
  input.claims.take(start, end);
  return {
    kind, start, end, text: input.text.slice(start, end), value,
    ...(to !== undefined && { to }),
    detail: dropUndefined(detail),
    problems: problems.filter((p) => p.severity !== "info"),
  };
}

/** Fields a finder had nothing to say about stay out of the JSON. */
function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== false)) as T;
}

/**
 * The text before `start` on the same piece of text, or — when only a colon or spaces
 * stand before it — the label printed to its left (a table's first column), a space
 * apart (a postal code cell must not run into the phone number beside it).
 */
export function labelBefore(input: ScanInput, start: number): string {
  const before = input.folded.slice(Math.max(0, start - 24), start);
  if (/^[\s:]*$/.test(input.folded.slice(0, start)) && input.context.label) return `${fold(input.context.label)} ${before}`;
  return before;
}
