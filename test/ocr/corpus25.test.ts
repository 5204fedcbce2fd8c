/**
 * Corpus 25, a real scanned pack (Canon compact PDF: JPEG background, CCITT stencils): its
 * cover page read by OCR gives the meeting's date (truth: test/ocr/truth-25.json, read by
 * eye). One small page only: OCR is slow; the tables of pp. 9–12 are measured by the bench.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import { extractFacts } from "../../src/facts/index.js";
import { ocrReader } from "../../src/ocr/index.js";
import { openPdf } from "../../src/pdf/load.js";
import { corpus, HAVE_CORPUS } from "../helpers.js";

const truth = JSON.parse(readFileSync(new URL("./truth-25.json", import.meta.url), "utf8")) as { facts: Record<string, { kind: string; text: string; iso?: string }[]> };
const reader = ocrReader("auto", 1)!;
afterAll(() => reader.close());

describe.skipIf(!HAVE_CORPUS)("corpus 25 (scanned)", () => {
  test("the cover page, only a picture, is read by OCR and its date found as a fact", { timeout: 180_000 }, async () => {
    const r = await openPdf(corpus("25_michinoeki-nankoku_kabunushi-sokai-gianso_SCANNED.pdf"), { pictures: reader });
    if (!r.ok) throw new Error(r.error.message);
    try {
      const page = await r.doc.page(1);
      expect(page.ocr?.reason).toBe("no-text");
      const dates = extractFacts(page).filter((f) => f.kind === "date");
      for (const want of truth.facts["1"]!) expect(dates.map((f) => f.value)).toContain(want.iso);
    } finally {
      await r.doc.close();
    }
  });
});
