/**
 * A scan the budget-book pipeline can use nothing of is not read by OCR: the ledger reads
 * ruled tables only, so a scanned page whose picture closes no ruled cell — corpus 26 p.7,
 * the signed 議案 (a full-page scan, no text layer: seen on the rendered page) — is left
 * unread in --ocr auto, while a scanned ruled table is read.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test, vi } from "vitest";
import type { OcrEngine } from "../../src/ocr/engine.js";
import { ocrReader } from "../../src/ocr/index.js";
import { closesCell } from "../../src/ocr/page.js";
import { openPdf } from "../../src/pdf/load.js";
import { guard } from "../../src/pdf/limits.js";
import type { Page, Rule } from "../../src/model/page.js";
import { kohyo, outputNameOf, sample } from "../helpers.js";
import { corpus26 } from "./truth.js";

const out = mkdtempSync(join(tmpdir(), "kohyo-scans-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const h = (pos: number, start: number, end: number): Rule => ({ axis: "h", pos, start, end, thickness: 0.5 });
const v = (pos: number, start: number, end: number): Rule => ({ axis: "v", pos, start, end, thickness: 0.5 });

test("ruling lines close a cell when two vertical lines cross the same two horizontal ones", () => {
  expect(closesCell([h(100, 50, 300), h(120, 50, 300), v(50, 100, 120), v(300, 100, 120)])).toBe(true);
  // A seal's frame open at the top (corpus 26 p.7: its bottom line and its two sides) and text strokes.
  expect(closesCell([h(688, 1080, 1133), v(1079, 636, 687), v(1133.5, 634, 687), h(134, 862, 890), h(140.6, 870, 897)])).toBe(false);
  // Two vertical lines crossing different horizontal lines.
  expect(closesCell([h(100, 0, 60), h(200, 100, 160), v(50, 90, 210), v(150, 90, 210)])).toBe(false);
  expect(closesCell([])).toBe(false);
});

function counting() {
  const started: string[] = [];
  const make = (): OcrEngine => {
    started.push("start");
    return {
      name: "fake",
      recognise: async () => [{ text: "1,250,000", x0: 10, y0: 10, x1: 80, y1: 30, confidence: 0.9, line: 0 }],
      close: async () => {},
    };
  };
  return { started, make };
}

async function readPage(file: string, n: number, only: "ruled-tables" | null): Promise<{ page: Page; started: string[] }> {
  const { started, make } = counting();
  const reader = ocrReader("auto", 1, make)!;
  reader.scope(only);
  const r = await openPdf(file, { pictures: reader });
  if (!r.ok) throw new Error(r.error.message);
  const page = await r.doc.page(n);
  await r.doc.close();
  await reader.close();
  return { page, started };
}

test("corpus 26 p.7, a scan without a ruled table: not read, no engine started, said so; read when all scans are wanted", async () => {
  const left = await readPage(corpus26, 7, "ruled-tables");
  expect(left.started).toEqual([]);
  expect(left.page.ocr).toBeUndefined();
  expect(left.page.runs).toEqual([]);
  expect(left.page.diagnostics.map((d) => d.rule)).toEqual(["pdf/page-no-text", "ocr/not-needed"]);
  const read = await readPage(corpus26, 7, null);
  expect(read.started).toEqual(["start"]);
  expect(read.page.ocr?.reason).toBe("no-text");
}, 60_000);

test("a scanned ruled table is read when only ruled tables are wanted", async () => {
  const { page, started } = await readPage(sample("scan-image-only.pdf"), 1, "ruled-tables");
  expect(started).toEqual(["start"]);
  expect(page.ocr?.reason).toBe("no-text");
  expect(page.diagnostics.map((d) => d.rule)).not.toContain("ocr/not-needed");
}, 60_000);

test("kohyo extract (default --ocr auto) leaves p.7 unread, in a worker reading the whole file and in a chunk of a split one", { timeout: 300_000 }, () => {
  for (const [dir, args] of [["whole", ["--pages", "1-8"]], ["split", ["--jobs", "2"]]] as const) {
    const r = kohyo("extract", corpus26, "-o", join(out, dir), ...args);
    expect(r.err).not.toMatch(/internal error/i);
    const report = JSON.parse(readFileSync(join(out, dir, outputNameOf(corpus26), "report.json"), "utf8")) as { diagnostics: { rule: string; page?: number }[] };
    const p7 = report.diagnostics.filter((d) => d.page === 7).map((d) => d.rule);
    expect(p7).toContain("ocr/not-needed");
    expect(p7).not.toContain("ocr/page");
  }
});

/** Reads pages, counting the images pdf.js was about to decode and those it then decoded. */
async function decoding(file: string, pages: number[], only: "ruled-tables" | null | "off"): Promise<{ pages: Page[]; kept: number; decoded: number; started: string[] }> {
  const { started, make } = counting();
  const reader = only === "off" ? undefined : ocrReader("auto", 1, make)!;
  reader?.scope(only === "off" ? null : only);
  const g = guard();
  let kept = 0, decoded = 0;
  const defer = g.deferImage.bind(g);
  const spy = vi.spyOn(g, "deferImage").mockImplementation((page, decode) => {
    kept++;
    return defer(page, () => (decoded++, decode()));
  });
  try {
    const r = await openPdf(file, reader ? { pictures: reader } : {});
    if (!r.ok) throw new Error(r.error.message);
    const read: Page[] = [];
    for (const n of pages) read.push(await r.doc.page(n));
    await r.doc.close();
    await reader?.close();
    return { pages: read, kept, decoded, started };
  } finally {
    spy.mockRestore();
  }
}

test("images are decoded only for a page read from its picture: corpus 26 p.1's logos never, p.7's scan to judge it (still ocr/not-needed), none with --ocr off", { timeout: 60_000 }, async () => {
  // p.1, the cover, has text and 11 images (seen with pdfimages -list: 302×89 JPEGs with masks);
  // p.7 a 1240×1754 JPEG under 29 CCITT masks (the masks are decoded as pdf.js reads the page, not kept).
  const auto = await decoding(corpus26, [1], "ruled-tables");
  expect(auto.pages[0]!.images).toBeGreaterThan(0);
  expect(auto.pages[0]!.runs.length).toBeGreaterThan(0);
  expect(auto.kept).toBeGreaterThan(0);
  expect(auto.decoded).toBe(0);
  const scan = await decoding(corpus26, [7], "ruled-tables");
  expect(scan.kept).toBe(1);
  expect(scan.decoded).toBe(1);
  expect(scan.pages[0]!.diagnostics.map((d) => d.rule)).toEqual(["pdf/page-no-text", "ocr/not-needed"]);
  const off = await decoding(corpus26, [1, 7], "off");
  expect(off.kept).toBe(auto.kept + 1);
  expect(off.decoded).toBe(0);
  expect(off.pages[1]!.images).toBe(30);
  expect(off.pages[1]!.diagnostics.map((d) => d.rule)).toEqual(["pdf/page-no-text"]);
});

test("a scanned ruled table still gets its picture decoded and read, its images kept until asked for", { timeout: 60_000 }, async () => {
  const { pages, kept, decoded, started } = await decoding(sample("scan-image-only.pdf"), [1], "ruled-tables");
  expect(kept).toBeGreaterThan(0);
  expect(decoded).toBe(kept);
  expect(started).toEqual(["start"]);
  expect(pages[0]!.ocr?.reason).toBe("no-text");
  expect(pages[0]!.runs.length).toBeGreaterThan(0);
});
