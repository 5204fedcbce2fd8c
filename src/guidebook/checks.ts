/**
 * The guidebook checked against itself:
 *
 * - toc/tiling: the contents' page ranges cover the pages after the contents, in order,
 *   with no page left out and none listed twice;
 * - toc/title: each programme's page is titled as the contents name it (a title that
 *   differs is reported with both texts);
 * - toc/need: the need tag a page prints is its entry's need (or its chapter);
 * - page/contact: every programme (not a case study) has a 問い合わせ先 block on one of its pages;
 * - date/weekday: a weekday printed beside a date is that date's weekday;
 * - count/stated: a stated count (（16分野）, 下記3コース) equals the items listed.
 *
 * Every check is returned, passing or not; a passing check keeps the severity it would fail with.
 */
import type { Check } from "../pipeline/types.js";
import type { Box } from "../model/page.js";
import type { PageLayout } from "./page.js";
import { fold, foldWidth } from "./text.js";
import { COUNT_CLOSING, COUNT_FOLLOWING } from "./patterns.js";
import type { Fact, Programme, TocEntry } from "./types.js";

/** Where the contents' printed page numbers are in the file: pdf page = printed + offset. */
export interface PageMap {
  offset: number;
  /** The last contents page (pdf numbering) and the document's last page. */
  tocEnd: number;
  last: number;
}

export function tilingChecks(entries: readonly TocEntry[], map: PageMap): Check[] {
  const checks: Check[] = [];
  let next = map.tocEnd + 1 - map.offset;
  for (const e of entries) {
    const where = `contents p.${e.page}: 「${e.programme}」 (${e.pagesFrom}${e.pagesTo !== e.pagesFrom ? `-${e.pagesTo}` : ""})`;
    let ok = e.pagesFrom === next && e.pagesTo >= e.pagesFrom && e.pagesTo + map.offset <= map.last;
    let message = `${where} follows on from page ${next - 1}`;
    if (e.pagesTo < e.pagesFrom) message = `${where}: the range runs backwards`;
    else if (e.pagesFrom > next) message = `${where}: page${e.pagesFrom - next > 1 ? `s ${next}-${e.pagesFrom - 1} are` : ` ${next} is`} in no entry`;
    else if (e.pagesFrom < next) message = `${where}: overlaps the entry before, which ends on page ${next - 1}`;
    else if (e.pagesTo + map.offset > map.last) message = `${where}: the document ends on page ${map.last - map.offset}`;
    else ok = true;
    checks.push({ rule: "toc/tiling", ok, severity: "error", message, record: e.no, page: e.page, box: e.box, printed: `${e.pagesFrom}-${e.pagesTo}` });
    next = Math.max(next, e.pagesTo + 1);
  }
  if (entries.length > 0) {
    const end = map.last - map.offset;
    const ok = next > end;
    checks.push({
      rule: "toc/tiling", ok, severity: "error",
      message: ok ? `the contents cover every page up to the last, ${end}` : `pages ${next}-${end} at the end are in no entry`,
      page: entries[entries.length - 1]!.page,
    });
  }
  return checks;
}

export function titleChecks(entry: TocEntry, first: Programme | undefined, layout: PageLayout | undefined): Check[] {
  const page = entry.pagesFrom;
  if (!first || !layout) return [];
  const base = { record: entry.no, page: first.page, box: first.box };
  const checks: Check[] = [];
  if (first.title === null) {
    checks.push({ rule: "toc/title", ok: false, severity: "error", message: `page ${page}: no title found for 「${entry.programme}」`, ...base });
  } else {
    const ok = fold(first.title) === fold(entry.programme);
    checks.push({
      rule: "toc/title", ok, severity: "warning", printed: first.title, ...base,
      message: ok
        ? `page ${page} is titled 「${first.title}」 as the contents say`
        : `page ${page} is titled 「${first.title}」; the contents (p.${entry.page}) call it 「${entry.programme}」`,
    });
  }
  if (layout.need) {
    const ok = [entry.need, entry.chapter].some((n) => fold(n) === fold(layout.need!.text));
    checks.push({
      rule: "toc/need", ok, severity: "warning", printed: layout.need.text, record: entry.no, page: first.page, box: layout.need.box,
      message: ok
        ? `page ${page} is tagged 「${layout.need.text}」 as its entry`
        : `page ${page} is tagged 「${layout.need.text}」; the contents (p.${entry.page}) list it under 「${entry.need}」`,
    });
  }
  return checks;
}

export function contactCheck(entry: TocEntry, pages: readonly Programme[]): Check | null {
  if (entry.caseStudy || pages.length === 0) return null;
  const withContact = pages.find((p) => p.contacts.length > 0);
  const span = pages.length > 1 ? `pages ${pages[0]!.page}-${pages[pages.length - 1]!.page}` : `page ${pages[0]!.page}`;
  return {
    rule: "page/contact", ok: withContact !== undefined, severity: "warning", record: entry.no,
    page: (withContact ?? pages[0]!).page, box: withContact?.contacts[0]!.box ?? pages[0]!.box,
    message: withContact ? `「${entry.programme}」 gives a 問い合わせ先 on page ${withContact.page}` : `「${entry.programme}」 has no 問い合わせ先 block (${span})`,
  };
}

export function weekdayCheck(f: Fact): Check | null {
  if (!f.weekday) return null;
  const wrong = f.weekday.printed.map((w, i) => [w, f.weekday!.actual[i]] as const).filter(([w, a]) => w !== a);
  return {
    rule: "date/weekday", ok: wrong.length === 0, severity: "error", printed: f.text, page: f.page, box: f.box,
    message: wrong.length === 0
      ? `「${f.text}」: the weekday${f.weekday.printed.length > 1 ? "s agree" : " agrees"} with the date`
      : `「${f.text}」: ${wrong.map(([w, a]) => `printed (${w}) but the day is a ${a}曜日`).join("; ")}`,
  };
}

/** Stated counts on a page and the items listed with them. */
export function countChecks(layout: PageLayout): Check[] {
  const checks: Check[] = [];
  const units = layout.sections.flatMap((s) => s.paragraphs);
  for (const u of units) {
    const folded = foldWidth(u.text);
    for (const m of folded.matchAll(COUNT_CLOSING)) {
      // The list: from the start of its line (or clause) to the bracket, split at 、.
      const head = folded.slice(0, m.index).split(/[\n。:]/).pop()!;
      const items = head.split("、").filter((s) => s.trim() !== "");
      if (items.length < 2) continue;
      checks.push(countCheck(m[0], Number(m[1]), items.length, layout.page, u.parts[0]!.box));
    }
    for (const m of folded.matchAll(COUNT_FOLLOWING)) {
      const counter = m[2]!;
      const below = layout.lines.filter((l) => l.box.y0 > u.parts[u.parts.length - 1]!.box.y1 - 1 && foldWidth(l.text).trim().endsWith(counter) && [...l.text].length <= 30);
      checks.push(countCheck(m[0], Number(m[1]), below.length, layout.page, u.parts[0]!.box));
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
