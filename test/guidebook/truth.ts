/**
 * The sample guidebook's truth (samples/guidebook-tohoku-r6.truth.json) turned into the
 * records extraction must give: the expected values come from the source data that made
 * the PDF, never from kohyo.
 */
import { readFileSync } from "node:fs";
import { sample } from "../helpers.js";

export const truth = JSON.parse(readFileSync(sample("guidebook-tohoku-r6.truth.json"), "utf8"));

type Cell = string | { text: string } | null;
type Item = string | { table: { rows: Cell[][] } };
interface Block { section?: string; continues?: string; content: Item[] }
export interface TruthPage {
  page: number;
  printed: string;
  tag: string | null;
  titleLines: string[];
  title: string;
  ministry: string | null;
  titleLink: string | null;
  subtitle?: string;
  blocks: Block[];
  contact: { lines: string[]; contacts: Array<Record<string, string | null>> } | null;
  facts: Array<Record<string, unknown>>;
}
export const pages: TruthPage[] = truth.pages;

const LINK = /\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)|(https?:\/\/[^\s)）」、。]+)/g;
/** Printed text of a markup string. */
export const plain = (s: string) => s.replace(LINK, (_m, text: string | undefined, _u, bare: string | undefined) => text ?? bare!);
/** Links of a markup string: [{ url, text }]. */
export const linksOf = (s: string) => [...s.matchAll(LINK)].map((m) => ({ url: m[2] ?? m[3]!, text: m[1] ?? m[3]! }));
export const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, "");
const cellText = (c: Cell) => (c === null ? null : typeof c === "string" ? c : c.text);

/** The TOC entries the truth lists, as 目次 records. */
export function tocEntries() {
  let no = 0;
  return truth.toc.chapters.flatMap((ch: any) =>
    ch.rows.map((r: any) => {
      const [from, to] = r.pages.split("-").map(Number);
      return {
        no: ++no,
        chapterNo: ch.no,
        chapter: ch.name,
        need: r.need,
        programme: r.programme.replace(/^＞/, "").replace(/\n/g, ""),
        categories: r.categories,
        pagesFrom: from,
        pagesTo: to ?? from,
        caseStudy: r.programme.startsWith("＞"),
        page: ch.tocPage,
      };
    }),
  );
}

/** Section name → the text it holds (squeezed), as the page's blocks lay it out. */
export function sectionsOf(p: TruthPage): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (name: string, text: string) => (out[name] = (out[name] ?? "") + squeeze(text));
  if (p.subtitle) add("その他", p.subtitle);
  for (const b of p.blocks) {
    const name = b.section ? b.section.replace(/^\d+\./, "") : b.continues ? b.continues.replace(/^\d+\./, "") : "その他";
    if (b.section) out[name] ??= "";
    for (const item of b.content) {
      if (typeof item === "string") add(name, plain(item));
      else for (const row of item.table.rows) for (const c of row) if (cellText(c) !== null) add(name, plain(cellText(c)!));
    }
  }
  return out;
}

/** Every link of a page: the title's, the blocks' (tables included) and the contact block's. */
export function linksOfPage(p: TruthPage): Array<{ url: string; text: string }> {
  const out = p.titleLink ? [{ url: p.titleLink, text: p.titleLines[0]! }] : [];
  for (const b of p.blocks) {
    for (const item of b.content) {
      if (typeof item === "string") out.push(...linksOf(item));
      else for (const row of item.table.rows) for (const c of row) if (cellText(c) !== null) out.push(...linksOf(cellText(c)!));
    }
  }
  for (const l of p.contact?.lines ?? []) out.push(...linksOf(l));
  return out;
}
