/**
 * The document families kohyo knows, and how a document is matched to one: each
 * pipeline scores the text of the first pages; the best score at or above
 * RECOGNISED wins.
 */
import { budgetBook } from "../pipelines/budget-book.js";
import { caseSheets } from "../pipelines/case-sheets.js";
import { guidebook } from "../pipelines/guidebook.js";
import { programmeSheets } from "../pipelines/programme-sheets.js";
import { tokyoJinzaiPlan } from "../pipelines/tokyo-jinzai-plan.js";
import type { PdfDocument } from "./pdf/load.js";
import type { Pipeline } from "./pipeline/types.js";

export const PIPELINES: readonly Pipeline[] = [tokyoJinzaiPlan, guidebook, budgetBook, caseSheets, programmeSheets];

/** The score a pipeline needs to claim a document. */
export const RECOGNISED = 0.6;
/** How many pages are read to recognise a document. */
const FIRST_PAGES = 2;
/** How many blank pages among the first are skipped. */
const BLANK_PAGES = 2;

export function pipelineByName(name: string): Pipeline | undefined {
  return PIPELINES.find((p) => p.name === name);
}

/**
 * The text a document is recognised by: its first pages with text (of the selection, if
 * any); blank pages (the back of a cover) do not count.
 */
export async function recognitionText(doc: PdfDocument, pages?: readonly number[]): Promise<string> {
  const first = (pages ?? Array.from({ length: doc.pageCount }, (_, i) => i + 1)).slice(0, FIRST_PAGES + BLANK_PAGES);
  let text = "";
  let read = 0;
  // One page at a time: only as many pages as needed are read.
  for (const n of first) {
    if (read === FIRST_PAGES) break;
    const page = await doc.page(n);
    const pageText = page.runs.map((r) => r.text).join("");
    if (pageText.trim() === "") continue;
    text += pageText + "\n";
    read++;
  }
  return text;
}

/** The pipeline that recognises the document, or the best candidate's name and score when none does. */
export async function recognise(doc: PdfDocument, pages?: readonly number[]): Promise<{ pipeline: Pipeline | null; best: string; score: number }> {
  const text = await recognitionText(doc, pages);
  const scored = PIPELINES.map((p) => ({ p, score: p.recognise(text) })).sort((a, b) => b.score - a.score);
  const top = scored[0];
  return { pipeline: top && top.score >= RECOGNISED ? top.p : null, best: top?.p.name ?? "", score: top?.score ?? 0 };
}
