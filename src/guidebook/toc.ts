/**
 * The table of contents → entries. A contents table is one whose header row names the
 * family's categories (確保・定着 / 育成 / 生産性向上); its columns are read by position:
 * the need (a cell spanning the rows that share it), the programme just left of the first
 * category column, the categories (a mark such as ● in the cell), the page or page range
 * in the last column. The header row's first cell names the chapter.
 */
import type { Cell, PageTable } from "../table/types.js";
import { compact, fold } from "./text.js";
import { CASE_STUDY, TOC_CHAPTER, TOC_MARK, TOC_PAGES } from "./patterns.js";
import type { GuidebookSpec, TocEntry } from "./types.js";
import { minOf } from "../bounded.js";

const cellText = (c: Cell | undefined) => (c ? compact(c.text) : "");
const headerFold = (s: string) => fold(s).replace(/[・･]/g, "");

/** The entries of the contents tables among `tables` (other tables are ignored). */
export function readToc(tables: readonly PageTable[], spec: GuidebookSpec, firstNo = 1): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const t of tables) {
    const at = (row: number, col: number) => t.cells.find((c) => c.row <= row && row < c.row + c.rowSpan && c.col <= col && col < c.col + c.colSpan);
    // The header row: the first row that names at least two categories.
    let header = -1;
    const catCols = new Map<number, string>();
    for (let r = 0; r < t.rows && header < 0; r++) {
      catCols.clear();
      for (let col = 0; col < t.cols; col++) {
        const c = at(r, col);
        const cat = spec.toc.categories.find((k) => k.headers.some((h) => headerFold(h) === headerFold(cellText(c))));
        if (c && cat && c.col === col) catCols.set(col, cat.key);
      }
      if (catCols.size >= 2) header = r;
    }
    if (header < 0) continue;
    const firstCat = minOf(catCols.keys());
    const progCol = firstCat - 1;
    const pageCol = t.cols - 1;
    if (progCol < 0 || catCols.has(pageCol)) continue;
    const chapterText = cellText(at(header, 0));
    const ch = TOC_CHAPTER.exec(chapterText);
    for (let r = header + 1; r < t.rows; r++) {
      const prog = at(r, progCol);
      const pages = TOC_PAGES.exec(cellText(at(r, pageCol)).normalize("NFKC").replace(/\s/g, ""));
      if (!prog || !pages) continue;
      const raw = cellText(prog);
      const caseStudy = CASE_STUDY.test(raw);
      const from = Number(pages[1]);
      entries.push({
        no: firstNo + entries.length,
        chapterNo: ch ? Number(ch[1]!.normalize("NFKC")) : null,
        chapter: ch ? ch[2]!.trim() : chapterText,
        need: progCol > 0 ? cellText(at(r, 0)) : "",
        programme: raw.replace(CASE_STUDY, "").trim(),
        categories: [...catCols].filter(([col]) => TOC_MARK.test(cellText(at(r, col)))).map(([, key]) => key),
        pagesFrom: from,
        pagesTo: pages[2] ? Number(pages[2]) : from,
        caseStudy,
        page: t.page,
        box: prog.box,
      });
    }
  }
  return entries;
}
