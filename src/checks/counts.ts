/**
 * count/stated: a count the text states equals the items listed with it — a list closed
 * by its count (介護、…、木材産業（16分野）) or the items that follow a count (下記3コース,
 * one line each ending in the counter).
 */
import type { Check } from "../model/finding.js";
import type { Box } from "../model/page.js";
import { toHalfWidth } from "../normalize/width.js";
import type { DocumentFacts, TextPage } from "./document.js";

/** A stated count closing a list: 介護、…、木材産業（16分野）; group 1 is the number, group 2 the counter. */
const CLOSING = /\((\d{1,3})(分野|項目|業種|職種|類型|区分|コース|言語|か国|カ国)\)/g;
/** A stated count of the items that follow: 下記3コース; group 1 is the number, group 2 the counter. */
const FOLLOWING = /(?:下記|以下の|次の)(\d{1,3})(コース|分野|項目|類型|区分|種類|つ)/g;

/** Stated counts on a page and the items listed with them. */
export function countChecks(page: TextPage): Check[] {
  const checks: Check[] = [];
  for (const u of page.units) {
    const folded = toHalfWidth(u.text);
    for (const m of folded.matchAll(CLOSING)) {
      // The list: from the start of its line (or clause) to the bracket, split at 、.
      const head = folded.slice(0, m.index).split(/[\n。:]/).pop()!;
      const items = head.split("、").filter((s) => s.trim() !== "");
      if (items.length < 2) continue;
      checks.push(countCheck(m[0], Number(m[1]), items.length, page.page, u.parts[0]!.box));
    }
    for (const m of folded.matchAll(FOLLOWING)) {
      const counter = m[2]!;
      const below = page.lines.filter((l) => l.box.y0 > u.parts[u.parts.length - 1]!.box.y1 - 1 && toHalfWidth(l.text).trim().endsWith(counter) && [...l.text].length <= 30);
      checks.push(countCheck(m[0], Number(m[1]), below.length, page.page, u.parts[0]!.box));
    }
  }
  return checks;
}

function countCheck(text: string, stated: number, listed: number, page: number, box: Box): Check {
  return {
    rule: "count/stated", ok: stated === listed, severity: "error", printed: stated, sum: listed, difference: listed - stated, page, box,
    message: stated === listed ? `「${text}」: ${listed} items listed` : `「${text}」 states ${stated}, but ${listed} items are listed`,
  };
}

export const COUNT_RULES = {
  "count/stated": (d: DocumentFacts) => d.texts.flatMap(countChecks),
};
