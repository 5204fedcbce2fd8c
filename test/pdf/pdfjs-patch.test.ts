/**
 * kohyo's changes to pdf.js's worker code (src/pdf/pdfjsPatch.ts: a font set again is set
 * at once; chunks handed over without a transfer list; the latest content-stream loop
 * kept, with its optimised code, until its document is closed; a font's translated
 * program let go once sent): they apply to the
 * installed pdf.js, the build's copy is the one loaded, and pdf.js says the same with
 * them as without them.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { openPdf } from "../../src/pdf/load.js";
import { LATEST_LOOP, patchWorkerSource } from "../../src/pdf/pdfjsPatch.js";
import { workerPatched } from "../../src/pdf/pdfjs.js";
import { type3AndNestedFormsPdf } from "../fixtures.js";
import { CORPUS, corpus, HAVE_CORPUS, ROOT, sample } from "../helpers.js";

const shippedSource = () => readFileSync(createRequire(import.meta.url).resolve("pdfjs-dist/legacy/build/pdf.worker.mjs"), "utf8");

type Read = Record<string, { patched: boolean; pages: number; setFonts: number; fonts: number; operatorLists: string; runs: string }>;

/** test/pdf/operator-lists.mjs in a process of its own, with pdf.js as built or as shipped. */
function readAsync(asShipped: boolean, files: string[]): Promise<Read> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "test/pdf/operator-lists.mjs"), "100000", ...files], {
      env: { ...process.env, KOHYO_PDFJS_AS_SHIPPED: asShipped ? "1" : "0" },
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out) as Read) : reject(new Error(err))));
  });
}

function read(asShipped: boolean, files: string[]): Read {
  const r = spawnSync(process.execPath, [join(ROOT, "test/pdf/operator-lists.mjs"), "100000", ...files], {
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

  /** Every page of every bundled sample that opens without a password, and of every corpus PDF. */
  const files = [
    sample("tokyo-plan-r5-a4.pdf"), // a spreadsheet printed by LibreOffice: a Tf before every cell
    sample("guidebook-tohoku-r6.pdf"),
    sample("text-layer-traps.pdf"),
    sample("budget-r6.pdf"),
    ...(HAVE_CORPUS ? readdirSync(CORPUS).filter((f) => f.endsWith(".pdf")).sort().map(corpus) : []),
  ];

  test("operator lists and text runs are the same as with pdf.js as shipped, on every page of the samples and the corpus", async () => {
    // Both at once, one process each (the machine's two cores).
    const [changed, shipped] = await Promise.all([readAsync(false, files), readAsync(true, files)]);
    for (const file of files) {
      expect(changed[file]!.patched, file).toBe(true);
      expect(shipped[file]!.patched, file).toBe(false);
      expect({ ...changed[file], patched: null }, file).toEqual({ ...shipped[file], patched: null });
    }
    // Every page was read, not a first few.
    if (HAVE_CORPUS) expect(changed[corpus("26_nankoku-city_R8_ippan-kaikei_yosansho.pdf")]!.pages).toBe(143);
    // The fast path is taken where fonts are set again and again: the plan table sets one
    // of its few fonts before every cell (the case the change is for).
    expect(changed[sample("tokyo-plan-r5-a4.pdf")]!.setFonts).toBeGreaterThan(1000);
    expect(changed[sample("tokyo-plan-r5-a4.pdf")]!.fonts).toBeLessThan(10);
  }, 900_000);

  test("a font's translated program is let go once sent to a document side that loads font faces, and kept for one that draws outlines (change 9)", () => {
    const { source, patched } = patchWorkerSource(shippedSource());
    expect(patched).toBe(true);
    const at = source.indexOf("class TranslatedFont");
    const send = source.slice(at, source.indexOf("  fallback(handler, evaluatorOptions) {", at));
    expect(send).toMatch(/handler\.send\("commonobj", \[this\.loadedName, "Font", fontData\], transfers\);\n\s+if \(this\.font\.disableFontFace === false\) this\.font\.data = null;\n\s+\}\n$/);
    // As shipped, the program stays (nothing after the send).
    const shipped = shippedSource();
    const shippedAt = shipped.indexOf("class TranslatedFont");
    expect(shipped.slice(shippedAt, shipped.indexOf("  fallback(handler, evaluatorOptions) {", shippedAt))).not.toContain("data = null");
  });

  test("a Type3 font, and forms nested in forms that name their fonts as the page does, read the same as with pdf.js as shipped", () => {
    const dir = mkdtempSync(join(tmpdir(), "kohyo-patch-"));
    try {
      const file = join(dir, "type3-nested-forms.pdf");
      writeFileSync(file, type3AndNestedFormsPdf(9));
      const changed = read(false, [file])[file]!;
      const shipped = read(true, [file])[file]!;
      expect(changed.patched).toBe(true);
      expect(shipped.patched).toBe(false);
      expect(changed.pages).toBe(9);
      // 6 Tf on each page plus those of the forms (drawn inside the page's list): set again and again.
      expect(changed.setFonts).toBeGreaterThan(9 * 6);
      expect({ ...changed, patched: null }).toEqual({ ...shipped, patched: null });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test("change 12: glyph locations in order are read into a typed array, and pdf.js's own code still runs for those out of order", () => {
  const shipped = shippedSource();
  const { source, patched } = patchWorkerSource(shipped);
  expect(patched).toBe(true);
  const at = (text: string) => text.indexOf("function sanitizeGlyphLocations(");
  const body = (text: string) => text.slice(at(text), text.indexOf("function readPostScriptTable(", at(text)));
  const changed = body(source), original = body(shipped);
  // The fast path decides by the order of the offsets, and marks an empty glyph missing where sanitizeGlyph would return length 0.
  expect(changed).toContain("if (i > 0 && offset < kohyoStart[i - 1]) {");
  expect(changed).toContain("sourceStart < 0 || sourceStart >= kohyoSourceLength || sourceEnd > kohyoSourceLength || sourceEnd - sourceStart <= 12");
  // …the condition on which pdf.js's sanitizeGlyph returns a glyph of length 0 at once.
  expect(shipped).toContain("if (sourceStart < 0 || sourceStart >= source.length || sourceEnd > source.length || sourceEnd - sourceStart <= 12) {\n        return glyphProfile;");
  // The shipped objects-and-sorts code is there, whole, for the other case.
  const shippedBlock = original.slice(original.indexOf("const locaEntries = [];"), original.indexOf("if (writeOffset === 0) {"));
  const kept = shippedBlock
    .replace("      const missingGlyphs = Object.create(null);\n      let writeOffset = 0;\n", "")
    .split("\n")
    .map((l) => (l.trim() ? `  ${l}` : l))
    .join("\n");
  expect(changed).toContain(kept.trim());
});
