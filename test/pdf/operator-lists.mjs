/**
 * For test/pdf/pdfjs-patch.test.ts, run as its own process (pdf.js's worker code is
 * chosen once per thread, by KOHYO_PDFJS_AS_SHIPPED): reads the given PDFs with the
 * built program's pdf.js and prints, per file, whether the changed worker code ran, how
 * many setFont operators its pages have and how many fonts they name, a SHA-256 of every
 * page's whole operator list, and one of every page's text runs as kohyo reads them.
 *
 * usage: node operator-lists.mjs MAX_PAGES FILE...
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

const { getDocument, OPS, pdfWorker, workerPatched } = await import("../../dist/src/pdf/pdfjs.js");
const { openPdf, PDFJS_ASSETS } = await import("../../dist/src/pdf/load.js");

const [maxPages, ...files] = process.argv.slice(2);
const out = {};
for (const file of files) {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), ...PDFJS_ASSETS, cMapPacked: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0, worker: pdfWorker() }).promise;
  const pages = Math.min(doc.numPages, Number(maxPages));
  const ops = createHash("sha256");
  let setFonts = 0;
  const fonts = new Set();
  for (let n = 1; n <= pages; n++) {
    const page = await doc.getPage(n);
    const list = await page.getOperatorList();
    list.fnArray.forEach((fn, i) => {
      if (fn !== OPS.setFont) return;
      setFonts++;
      fonts.add(list.argsArray[i][0]);
    });
    ops.update(JSON.stringify([list.fnArray, list.argsArray, list.lastChunk]));
    page.cleanup();
  }
  await doc.destroy();
  const opened = await openPdf(file);
  const runs = createHash("sha256");
  for await (const page of opened.doc.pages(Array.from({ length: pages }, (_, i) => i + 1))) runs.update(JSON.stringify(page.runs));
  await opened.doc.close();
  out[file] = { patched: workerPatched, pages, setFonts, fonts: fonts.size, operatorLists: ops.digest("hex"), runs: runs.digest("hex") };
}
process.stdout.write(JSON.stringify(out));
