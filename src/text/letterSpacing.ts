/**
 * Letter-spaced words: a label printed one character at a time at an even pitch
 * (均等割付 — "特　例　公　債　金" stretched to the width of the labels around it, or
 * "経 費 の 減 額" spaced out) comes from the PDF as one run per character. Read by gaps
 * alone, each character is a column. Here such characters are joined into one run again.
 *
 * Characters on one baseline, in one font and size, each a run of one letter (kana, kanji,
 * a Latin letter or a digit — not a mark such as ○ or ×, which fill columns on their own),
 * at a pitch that stays the same from one to the next, are one word when
 * - there are at least three, and the gaps between them are at most {@link MAX_GAP_EM}; or
 * - there are at least two, and the word spans exactly the width of another text on the
 *   page (its start and end both line up within {@link ALIGN}): stretched to a label box.
 */
import type { TextRun } from "../model/page.js";

/** Pitches this close (share of the pitch) are the same. */
const EVEN = 0.04;
/** An evenly spaced row of letters with gaps up to this many ems is one word. */
const MAX_GAP_EM = 3;
/** Ends closer than this (points) line up. */
const ALIGN = 1;
/** A run of one letter: not a mark, a bracket or punctuation. */
const LETTER = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー\p{L}\p{Nd}]$/u;

const single = (r: TextRun) => !r.vertical && LETTER.test(r.text.trim());

export function joinLetterSpaced(runs: readonly TextRun[]): TextRun[] {
  const letters = runs.filter(single);
  if (letters.length < 2) return [...runs];
  const joined = new Map<TextRun, TextRun | null>();
  // Lines of single letters: same font, same size, same top and bottom.
  const lines = new Map<string, TextRun[]>();
  for (const r of letters) {
    const key = `${r.font}|${r.size.toFixed(1)}|${Math.round(r.box.y0 * 2)}|${Math.round(r.box.y1 * 2)}`;
    lines.set(key, [...(lines.get(key) ?? []), r]);
  }
  for (const line of lines.values()) {
    line.sort((a, b) => a.box.x0 - b.box.x0);
    for (const chain of evenChains(line, runs)) {
      if (!accepted(chain, runs)) continue;
      const word = merge(chain);
      chain.forEach((r, i) => joined.set(r, i === 0 ? word : null));
    }
  }
  if (!joined.size) return [...runs];
  const out: TextRun[] = [];
  for (const r of runs) {
    const j = joined.get(r);
    if (j === undefined) out.push(r);
    else if (j) out.push(j);
  }
  return out;
}

/** Maximal chains of neighbouring letters at one pitch, with no other text between them. */
function evenChains(line: readonly TextRun[], all: readonly TextRun[]): TextRun[][] {
  const chains: TextRun[][] = [];
  let chain: TextRun[] = [];
  const flush = (next: TextRun) => {
    if (chain.length >= 2) chains.push(chain);
    chain = [next];
  };
  for (const r of line) {
    const last = chain[chain.length - 1];
    if (!last) chain = [r];
    else if (r.box.x0 < last.box.x1 - 0.1 || between(last, r, all)) flush(r);
    else if (chain.length < 2) chain.push(r);
    else {
      const pitch = chain[1]!.box.x0 - chain[0]!.box.x0;
      if (Math.abs(r.box.x0 - last.box.x0 - pitch) <= EVEN * pitch) chain.push(r);
      else flush(r);
    }
  }
  if (chain.length >= 2) chains.push(chain);
  return chains;
}

/** Some other text stands on the line between two letters. */
function between(a: TextRun, b: TextRun, all: readonly TextRun[]): boolean {
  return all.some((o) => o !== a && o !== b && o.box.x0 >= a.box.x1 - 0.1 && o.box.x1 <= b.box.x0 + 0.1 && o.box.y0 < a.box.y1 && a.box.y0 < o.box.y1);
}

function accepted(chain: readonly TextRun[], all: readonly TextRun[]): boolean {
  const em = chain[0]!.size;
  const gap = chain[1]!.box.x0 - chain[0]!.box.x1;
  if (chain.length >= 3 && gap <= MAX_GAP_EM * em) return true;
  const x0 = chain[0]!.box.x0;
  const x1 = chain[chain.length - 1]!.box.x1;
  return all.some((o) => !chain.includes(o) && Math.abs(o.box.x0 - x0) <= ALIGN && Math.abs(o.box.x1 - x1) <= ALIGN);
}

function merge(chain: readonly TextRun[]): TextRun {
  const first = chain[0]!;
  const text = chain.map((r) => r.text.trim()).join("");
  const box = { x0: first.box.x0, y0: first.box.y0, x1: chain[chain.length - 1]!.box.x1, y1: first.box.y1 };
  const word: TextRun = { ...first, text, raw: chain.map((r) => r.raw.trim()).join(""), box };
  if (chain.every((r) => r.edges && r.edges.length === r.text.length + 1 && r.text === r.text.trim())) {
    word.edges = [...chain.map((r) => r.edges![0]!), chain[chain.length - 1]!.edges![1]!];
  } else delete word.edges;
  return word;
}
