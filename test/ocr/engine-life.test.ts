/**
 * The OCR engine lives while scanned pages are being read: started by the first one, ended
 * when a page that needs no OCR follows and nothing is being read, started again by the
 * next scan, and ended by close().
 */
import { expect, test } from "vitest";
import type { OcrEngine } from "../../src/ocr/engine.js";
import { ocrReader } from "../../src/ocr/index.js";
import type { Page } from "../../src/model/page.js";

function counting() {
  const log: string[] = [];
  let n = 0;
  const make = (): OcrEngine => {
    const id = ++n;
    log.push(`start ${id}`);
    let closed = false;
    return {
      name: `fake ${id}`,
      async recognise() {
        if (closed) throw new Error(`engine ${id} used after close`);
        await new Promise((r) => setTimeout(r, 5));
        return [{ text: "議案", x0: 10, y0: 10, x1: 50, y1: 30, confidence: 0.9, line: 0 }];
      },
      async close() {
        closed = true;
        log.push(`close ${id}`);
      },
    };
  };
  return { log, make };
}

const page = (number: number, runs: number, images = 1): Page => ({
  number,
  width: 100,
  height: 100,
  rotation: 0,
  runs: Array.from({ length: runs }, () => ({ text: "本年度", raw: "本年度", box: { x0: 0, y0: 0, x1: 10, y1: 10 }, font: "F", size: 10, vertical: false })),
  rules: [],
  links: [],
  images,
  diagnostics: [],
});
const raster = { width: 60, height: 40, gray: new Uint8Array(60 * 40).fill(255), scale: 1 };
const glyphs = (p: Page) => ({ glyphs: p.runs.length * 3, invisible: 0 });

/** What the PDF layer does for each page: ask, then read the picture when wanted. */
async function readPages(reader: NonNullable<ReturnType<typeof ocrReader>>, pages: Page[]) {
  for (const p of pages) {
    const why = reader.wants(p, glyphs(p));
    if (why) await reader.read(p, raster, why, "", "f.pdf");
  }
}

test("a text page after scanned pages ends the engine; the next scan starts another; close ends the last", async () => {
  const { log, make } = counting();
  const reader = ocrReader("auto", 1, make)!;
  // scan, scan, text, text without images, scan
  await readPages(reader, [page(1, 0), page(2, 0), page(3, 5), page(4, 5, 0), page(5, 0)]);
  await reader.close();
  expect(log).toEqual(["start 1", "close 1", "start 2", "close 2"]);
  expect(reader.pagesRead).toBe(3);
});

test("a book of text pages never starts the engine", async () => {
  const { log, make } = counting();
  const reader = ocrReader("auto", 1, make)!;
  await readPages(reader, [page(1, 5), page(2, 3), page(3, 8, 0)]);
  await reader.close();
  expect(log).toEqual([]);
});

test("the engine is not ended while a page is being read (pages read ahead in a scan)", async () => {
  const { log, make } = counting();
  const reader = ocrReader("auto", 2, make)!;
  const scan = page(1, 0);
  const reading = reader.read(scan, raster, reader.wants(scan, glyphs(scan))!, "", "f.pdf");
  // A text page asked about while the scan is read: the engine stays.
  expect(reader.wants(page(2, 5), glyphs(page(2, 5)))).toBeNull();
  const read = await reading;
  expect(read.diagnostics.map((d) => d.rule)).not.toContain("ocr/failed");
  expect(log).toEqual(["start 1"]);
  // Asked again with nothing being read: it ends.
  reader.wants(page(3, 5), glyphs(page(3, 5)));
  await reader.close();
  expect(log).toEqual(["start 1", "close 1"]);
});
