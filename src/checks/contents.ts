/**
 * A document checked against its table of contents:
 *
 * - toc/tiling: the contents' page ranges cover the pages after the contents, in order,
 *   with no page left out and none listed twice;
 * - toc/title: each entry's first page is titled as the contents name it (a title that
 *   differs is reported with both texts), and (toc/need) the need tag it prints is its
 *   entry's need or chapter;
 * - page/contact: every entry (not a case study) has a 問い合わせ先 block on one of its pages.
 */
import type { Check } from "../model/finding.js";
import type { ContentsEntry, ContentsPage, DocumentFacts, PageMap } from "./document.js";

/** The form two titles are compared in: widths folded (NFKC), no spaces, no case-study mark. */
const fold = (text: string) => text.normalize("NFKC").replace(/\s+/g, "").replace(/^>/, "").toLowerCase();

export function tilingChecks(entries: readonly ContentsEntry[], map: PageMap): Check[] {
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

/** An entry's first page against the entry: its title (toc/title) and its need tag (toc/need). */
export function titleChecks(entry: ContentsEntry, first: ContentsPage | undefined): Check[] {
  const page = entry.pagesFrom;
  if (!first) return [];
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
  if (first.need) {
    const ok = [entry.need, entry.chapter].some((n) => fold(n) === fold(first.need!.text));
    checks.push({
      rule: "toc/need", ok, severity: "warning", printed: first.need.text, record: entry.no, page: first.page, box: first.need.box,
      message: ok
        ? `page ${page} is tagged 「${first.need.text}」 as its entry`
        : `page ${page} is tagged 「${first.need.text}」; the contents (p.${entry.page}) list it under 「${entry.need}」`,
    });
  }
  return checks;
}

export function contactCheck(entry: ContentsEntry, pages: readonly ContentsPage[]): Check | null {
  if (entry.caseStudy || pages.length === 0) return null;
  const withContact = pages.find((p) => p.contacts.length > 0);
  const span = pages.length > 1 ? `pages ${pages[0]!.page}-${pages[pages.length - 1]!.page}` : `page ${pages[0]!.page}`;
  return {
    rule: "page/contact", ok: withContact !== undefined, severity: "warning", record: entry.no,
    page: (withContact ?? pages[0]!).page, box: withContact?.contacts[0]!.box ?? pages[0]!.box,
    message: withContact ? `「${entry.programme}」 gives a 問い合わせ先 on page ${withContact.page}` : `「${entry.programme}」 has no 問い合わせ先 block (${span})`,
  };
}

/** The rules over a document's contents, by their id. */
export const CONTENTS_RULES = {
  "toc/tiling": (d: DocumentFacts) => tilingChecks(d.contents.entries, d.contents.map),
  "toc/title": (d: DocumentFacts) => d.contents.entries.flatMap((e) => titleChecks(e, d.contents.pages.find((p) => p.entry === e.no))),
  "page/contact": (d: DocumentFacts) =>
    d.contents.entries.flatMap((e) => contactCheck(e, d.contents.pages.filter((p) => p.entry === e.no)) ?? []),
};
