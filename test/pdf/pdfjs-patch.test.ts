/**
 * kohyo's changes to pdf.js's worker code (src/pdf/pdfjsPatch.ts: a font set again is set
 * at once; chunks handed over without a transfer list; the latest content-stream loop
 * kept, with its optimised code, until its document is closed): they apply to the
 * installed pdf.js, the build's copy is the one loaded, and pdf.js says the same with
 * them as without them.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { openPdf } from "../../src/pdf/load.js";
import { LATEST_LOOP, patchWorkerSource } from "../../src/pdf/pdfjsPatch.js";
import { workerPatched } from "../../src/pdf/pdfjs.js";
import { corpus, HAVE_CORPUS, ROOT, sample } from "../helpers.js";

const shippedSource = () => readFileSync(createRequire(import.meta.url).resolve("pdfjs-dist/legacy/build/pdf.worker.mjs"), "utf8");

type Read = Record<string, { patched: boolean; pages: number; setFonts: number; fonts: number; operatorLists: string; runs: string }>;

/** test/pdf/operator-lists.mjs in a process of its own, with pdf.js as built or as shipped. */
function read(asShipped: boolean, files: string[]): Read {
  const r = spawnSync(process.execPath, [join(ROOT, "test/pdf/operator-lists.mjs"), "6", ...files], {
    encoding: "utf8",
    env: { ...process.env, KOHYO_PDFJS_AS_SHIPPED: asShipped ? "1" : "0" },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Read;
}

describe("pdf.js's worker code with kohyo's changes", () => {
  test("the changes apply to the installed pdfjs-dist, and the build's copy is what runs", () => {
    expect(patchWorkerSource(shippedSource()).patched).toBe(true);
    expect(workerPatched).toBe(true);
  });

  test("a worker source the changes were not written for is left as it is, even when some of them would fit", () => {
    const other = shippedSource().replace("case OPS.setFont:", "case OPS.setFont: /* another version */");
    expect(patchWorkerSource(other)).toEqual({ source: other, patched: false });
    const otherFlush = shippedSource().replace("}, 1, this._transfers);", "}, 1, this._transfers.slice());");
    expect(patchWorkerSource(otherFlush)).toEqual({ source: otherFlush, patched: false });
    expect(patchWorkerSource("export {};")).toEqual({ source: "export {};", patched: false });
  });

  test("the patched source declares the fonts' map where the setFont case can see it", () => {
    const { source } = patchWorkerSource(shippedSource());
    const declared = source.indexOf("const kohyoFontsSet = new Map();");
    const used = source.indexOf("kohyoFontsSet.get(fontName)");
    const loop = source.indexOf("return new Promise(function promiseBody(resolve, reject) {", declared);
    expect(declared).toBeGreaterThan(0);
    expect(loop).toBeGreaterThan(declared);
    expect(used).toBeGreaterThan(loop);
    // The flush hands chunks over with no transfer list; the getter is left, unused.
    expect(source).toContain("}, 1, []);");
    expect(source).not.toContain("}, 1, this._transfers);");
  });

  test("the loop of the last content stream read is kept while its document is open, and let go when it is closed", async () => {
    const handler = (globalThis as { pdfjsWorker?: { WorkerMessageHandler: Record<string, unknown> } }).pdfjsWorker!.WorkerMessageHandler;
    const opened = await openPdf(sample("tokyo-plan-r5-a4.pdf"));
    if (!opened.ok) throw opened.error;
    await opened.doc.page(2);
    expect(typeof handler[LATEST_LOOP]).toBe("function");
    await opened.doc.close();
    expect(handler[LATEST_LOOP]).toBeUndefined();
  });

  const files = [
    sample("tokyo-plan-r5-a4.pdf"), // a spreadsheet printed by LibreOffice: a Tf before every cell
    sample("guidebook-tohoku-r6.pdf"),
    sample("text-layer-traps.pdf"),
    ...(HAVE_CORPUS ? [corpus("07_jizokuka-hojokin_R6_guidebook_17th.pdf"), corpus("09_monodukuri-hojokin_20ji_koubo-youryou_GAIYOUBAN-ppt.pdf")] : []),
  ];

  test("operator lists and text runs are the same as with pdf.js as shipped, where fonts are set again and again", () => {
    const changed = read(false, files);
    const shipped = read(true, files);
    for (const file of files) {
      expect(changed[file]!.patched, file).toBe(true);
      expect(shipped[file]!.patched, file).toBe(false);
      // The fast path is taken: more setFont operators than fonts.
      expect(changed[file]!.setFonts, file).toBeGreaterThan(changed[file]!.fonts);
      expect({ ...changed[file], patched: null }, file).toEqual({ ...shipped[file], patched: null });
    }
    // The plan table sets one of its few fonts before every cell (the case the change is for).
    expect(changed[sample("tokyo-plan-r5-a4.pdf")]!.setFonts).toBeGreaterThan(1000);
  });
});
