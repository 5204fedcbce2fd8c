/**
 * Text painted over (src/pdf/occlusion.ts): a hand-built page whose content stream shows
 * each text and then paints a shape where it stands — an opaque one that hides it, or one
 * that does not (translucent, stroked, a clip, a frame with the text in its hole, a blend
 * mode) — and text shown over a fill painted before it. What is hidden is what a renderer
 * leaves unseen; the truth is the drawing below, not kohyo's output.
 */
import { beforeAll, describe, expect, test } from "vitest";
import type { Diagnostic } from "../../src/model/finding.js";
import type { Page } from "../../src/model/page.js";
import { openPdf } from "../../src/pdf/load.js";
import { pdfOf } from "../fixtures.js";

const text = (x: number, y: number, s: string) => `BT /F1 12 Tf ${x} ${y} Td (${s}) Tj ET`;
/** A rounded badge (four Bézier corners) over x0..x1, y0..y1. */
const badge = (x0: number, y0: number, x1: number, y1: number, r = 8) =>
  `${x0 + r} ${y0} m ${x1 - r} ${y0} l ${x1} ${y0} ${x1} ${y0} ${x1} ${y0 + r} c ${x1} ${y1 - r} l ${x1} ${y1} ${x1} ${y1} ${x1 - r} ${y1} c ` +
  `${x0 + r} ${y1} l ${x0} ${y1} ${x0} ${y1} ${x0} ${y1 - r} c ${x0} ${y0 + r} l ${x0} ${y0} ${x0} ${y0} ${x0 + r} ${y0} c h f`;

// Helvetica at 12 pt: H is 8.66 wide, a 6.67, l 2.66 — a shape up to x 54 covers "Ha" of "Halfway" at x 40.
const CONTENT = [
  text(40, 360, "Withdrawn"), "1 g 30 350 150 30 re f 0 g", // white, painted after: hides it
  "0.8 g 30 310 150 30 re f 0 g", text(40, 320, "Shaded"), // shading painted before: hides nothing
  text(40, 280, "Halfway"), "0 0 1 rg 30 270 24 30 re f 0 g", // covers H and a only
  text(40, 240, "Translucent"), "q /Half gs 0 0 1 rg 30 230 150 30 re f Q", // fill alpha 0.5
  text(40, 200, "Stroked"), "30 190 150 30 re S", // a frame stroked over it
  text(40, 160, "Clipped"), "q 30 150 150 30 re W n Q", // a clip, nothing painted
  text(40, 120, "InTheHole"), "0 0 1 rg 30 105 200 40 re 35 110 190 30 re f* 0 g", // a frame filled even-odd around it
  text(40, 80, "Badge"), `0 0.6 0.8 rg ${badge(30, 70, 180, 100)} 0 g`, // a rounded badge over it
  text(40, 40, "Multiplied"), "q /Mult gs 1 1 0 rg 30 30 150 30 re f Q", // a highlighter (blend mode Multiply)
].join("\n");

function paintedOverPdf(): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 400] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /ExtGState << /Half << /ca 0.5 >> /Mult << /BM /Multiply >> >> >> >>",
    `<< /Length ${Buffer.byteLength(CONTENT, "latin1")} >>\nstream\n${CONTENT}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  return pdfOf(objects);
}

let page: Page;
let covered: Diagnostic[];
beforeAll(async () => {
  const opened = await openPdf(paintedOverPdf(), { name: "painted-over.pdf" });
  if (!opened.ok) throw new Error(opened.error.message);
  for await (const p of opened.doc.pages([1])) page = p;
  await opened.doc.close();
  covered = page.diagnostics.filter((d) => d.rule === "text/covered");
});
const texts = () => page.runs.map((r) => r.text);

describe("text painted over by a later opaque fill", () => {
  test("a white rectangle painted after a line hides it: the line is left out", () => {
    expect(texts()).not.toContain("Withdrawn");
  });
  test("a rounded badge (curves) painted after a text hides it", () => {
    expect(texts()).not.toContain("Badge");
  });
  test("a shape over part of a run hides those glyphs only; the rest is read", () => {
    expect(texts()).not.toContain("Halfway");
    expect(texts()).toContain("lfway");
  });
  test("fills that do not hide: painted before the text, translucent, stroked, a clip, a frame around it, a blend mode", () => {
    for (const t of ["Shaded", "Translucent", "Stroked", "Clipped", "InTheHole", "Multiplied"]) expect(texts(), t).toContain(t);
  });
  test("each covered text is a text/covered finding with its page and box, in the order it was shown", () => {
    expect(covered.map((d) => d.actual)).toEqual(["Withdrawn", "Ha", "Badge"]);
    for (const d of covered) {
      expect(d.severity).toBe("info");
      expect(d.page).toBe(1);
      expect(d.message).toContain(`"${d.actual}"`);
    }
    // "Withdrawn" at x 40, baseline y 360 (top-left origin: 40 pt from the top), under the rectangle 30..180 × 20..50.
    const box = covered[0]!.box!;
    expect(box.x0).toBeCloseTo(40, 0);
    expect(box.y0).toBeGreaterThanOrEqual(20);
    expect(box.y1).toBeLessThanOrEqual(50);
    expect(box.x1).toBeLessThan(180);
  });
});

describe("shapes with curved sides are boxes of the page", () => {
  test("the rounded badge (30..180 × 70..100 in PDF space, so y 300..330 from the top) is one of the page's areas", () => {
    const found = (page.areas ?? []).filter((b) => Math.abs(b.x0 - 30) < 0.5 && Math.abs(b.x1 - 180) < 0.5 && Math.abs(b.y0 - 300) < 0.5 && Math.abs(b.y1 - 330) < 0.5);
    expect(found).toHaveLength(1);
  });
});
