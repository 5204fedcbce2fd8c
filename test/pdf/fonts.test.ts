/**
 * pdf.js loads each font into kohyo's stand-in document (src/pdf/load.ts
 * FONTLESS_DOCUMENT) instead of tracing every glyph's outline for a canvas: no outline
 * crosses from pdf.js's worker code to the document side, no font falls back to outlines,
 * and the text is read as before.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { openPdf } from "../../src/pdf/load.js";
import { corpus, HAVE_CORPUS, pageText, sample, squeeze } from "../helpers.js";

/** What pdf.js's two sides told each other about fonts, seen where kohyo's channel copies messages. */
let seen: { outlines: number; fonts: number; fallbacks: number };
const clone = globalThis.structuredClone;

beforeEach(() => {
  seen = { outlines: 0, fonts: 0, fallbacks: 0 };
  globalThis.structuredClone = ((value: unknown, options?: Parameters<typeof structuredClone>[1]) => {
    const m = value as { action?: string; data?: unknown[] } | null;
    if (m?.action === "commonobj" && m.data?.[1] === "FontPath") seen.outlines++;
    if (m?.action === "commonobj" && m.data?.[1] === "Font") seen.fonts++;
    if (m?.action === "FontFallback") seen.fallbacks++;
    return clone(value, options);
  }) as typeof structuredClone;
});

afterEach(() => {
  globalThis.structuredClone = clone;
});

async function readAll(file: string): Promise<string[]> {
  const r = await openPdf(file);
  if (!r.ok) throw r.error;
  const texts: string[] = [];
  for await (const page of r.doc.pages()) texts.push(pageText(page).squeezed);
  await r.doc.close();
  return texts;
}

describe("fonts are loaded without tracing glyph outlines", () => {
  test("a plan in embedded Japanese CID fonts: fonts sent, no glyph outline, no fallback, text read", async () => {
    const texts = await readAll(sample("tokyo-plan-r5-a4.pdf"));
    expect(seen.fonts).toBeGreaterThan(0);
    expect(seen.outlines).toBe(0);
    expect(seen.fallbacks).toBe(0);
    // Page 1 of the plan (samples/tokyo-plan-r5-a4.fods): its title and first row.
    expect(texts[0]).toContain(squeeze("東京都地域人材確保総合支援事業"));
    expect(texts[0]).toContain("中央区就労・雇用支援");
  });

  test.skipIf(!HAVE_CORPUS)("a published PowerPoint guidebook: no glyph outline, no fallback, text read", async () => {
    const texts = await readAll(corpus("07_jizokuka-hojokin_R6_guidebook_17th.pdf"));
    expect(seen.fonts).toBeGreaterThan(0);
    expect(seen.outlines).toBe(0);
    expect(seen.fallbacks).toBe(0);
    // Page 2 as rendered (test/pdf/corpus.test.ts reads the same strings).
    expect(texts[1]).toContain(squeeze("持続化補助金とは？"));
  });
});
