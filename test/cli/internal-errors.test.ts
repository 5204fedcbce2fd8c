/**
 * Every promise handled: a rejection pdf.js leaves unwatched about a broken file does not
 * end the run (the file's verdict has said it); any other is a bug — one line, exit 70.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { pdfOf } from "../fixtures.js";
import { ROOT, sample } from "../helpers.js";

/** kohyo with a rejection no one handles made while it runs (after its modules have loaded). */
function withStrayRejection(name: string) {
  const hook = `data:text/javascript,setTimeout(()=>{const e=new Error("End of file inside array.");e.name=${JSON.stringify(name)};Promise.reject(e)},300)`;
  const r = spawnSync(process.execPath, ["--import", hook, join(ROOT, "dist/src/cli.js"), "inspect", sample("guidebook-tohoku-r6.pdf")], { encoding: "utf8" });
  return { code: r.status, err: r.stderr };
}

test("pdf.js's ParserEOFException left unhandled does not end kohyo inspect: exit 0, no stack trace", () => {
  const r = withStrayRejection("ParserEOFException");
  expect(r.err).not.toMatch(/^\s+at /m);
  expect(r.code).toBe(0);
});

test("any other unhandled rejection is an internal error: one line, exit 70", () => {
  const r = withStrayRejection("TypeError");
  expect(r.code).toBe(70);
  expect(r.err.trim().split("\n")).toEqual([expect.stringMatching(/^kohyo: internal error \(a bug in kohyo, please report it\): TypeError: End of file inside array\. \(at .*\)$/)]);
});

/**
 * kohyo inspect on a corpus file damaged by one of the fuzz's mutations, built directly
 * with a seed of its own: a fuzz run's stream shifts with the seed files and with whether
 * qpdf is installed, so a run is never replayed. Null without the corpus.
 */
async function inspectMutated(source: string, mutation: "filter" | "length", seed: number) {
  const { MUTATIONS, rng } = await import("../../scripts/fuzz.mjs");
  const { CORPUS, HAVE_CORPUS } = await import("../helpers.js");
  if (!HAVE_CORPUS) return null;
  const { mkdtempSync, readFileSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const file = join(mkdtempSync(join(tmpdir(), `kohyo-${mutation}-`)), `bogus-${mutation}.pdf`);
  writeFileSync(file, MUTATIONS[mutation]!(readFileSync(join(CORPUS, source)), rng(seed)));
  const r = spawnSync(process.execPath, [join(ROOT, "dist/src/cli.js"), "inspect", file], { encoding: "utf8" });
  return { file, ...r };
}

test("a corpus budget book with bogus /Filter names (the fuzz's filter mutation): pdf.js's FormatError left unhandled after the verdict no longer ends kohyo with exit 1 and a Node stack trace", async () => {
  // Found as input 58 of seed 1 when the samples were fewer.
  const r = await inspectMutated("18_mof_R2-hosei-yosan-dai1go.pdf", "filter", 2);
  if (!r) return console.warn("skipped: no corpus at ../shared/corpus");
  const { file } = r;
  expect(r.stderr).not.toMatch(/^\s+at |UnhandledPromiseRejection/m);
  expect(r.stderr.trim().split("\n").at(-1)).toBe(`kohyo: ${file}: no text layer on any page (scanned? run OCR first)`);
  expect(r.status).toBe(7);
}, 300_000);

test("a corpus list with bogus /Length values (the fuzz's length mutation): pdf.js's XRefEntryException left unhandled after every page was printed no longer ends kohyo inspect with exit 70", async () => {
  // Found as input 92 of seed 1 in a 5,000-input run.
  const r = await inspectMutated("22_osaka-fu_kinkyu-hinin-iryokikan-ichiran.pdf", "length", 4);
  if (!r) return console.warn("skipped: no corpus at ../shared/corpus");
  expect(r.stderr).not.toMatch(/^\s+at |internal error|UnhandledPromiseRejection/m);
  // The file's 16 pages, each read (pdfinfo: 16 pages).
  expect(r.stdout.match(/^-- page \d+ of 16 /gm)).toHaveLength(16);
  expect(r.status).toBe(0);
}, 300_000);

test("a scanned page read by OCR (corpus 25 p.16): stderr holds kohyo's lines only, not Tesseract's own messages ('Detected 45 diacritics', found by the fuzz)", async () => {
  const { CORPUS, HAVE_CORPUS } = await import("../helpers.js");
  if (!HAVE_CORPUS) return console.warn("skipped: no corpus at ../shared/corpus");
  const file = join(CORPUS, "25_michinoeki-nankoku_kabunushi-sokai-gianso_SCANNED.pdf");
  const r = spawnSync(process.execPath, [join(ROOT, "dist/src/cli.js"), "inspect", file, "--pages", "16"], { encoding: "utf8" });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("-- page 16 of 23");
  expect(r.stderr.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("kohyo:"))).toEqual([]);
}, 120_000);

test("a damaged scan whose picture makes Leptonica complain inside the OCR threads ('Error in boxClipToRectangle'): stderr holds kohyo's lines only", () => {
  // Found as input 4749 of seed 3 in the 5,000-input fuzz: samples/scan-image-only.pdf
  // through qpdf's object streams, then bytes flipped (the file as the fuzz kept it).
  const file = join(ROOT, "test/fixtures/scan-leptonica-error.pdf");
  const r = spawnSync(process.execPath, [join(ROOT, "dist/src/cli.js"), "facts", file, "--pages", "1"], { encoding: "utf8" });
  expect(r.status).toBe(0);
  expect(r.stderr.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("kohyo:"))).toEqual([]);
}, 120_000);

/**
 * A JBIG2 stream whose segment header claims 2^29 − 1 referred-to segments: pdf.js filled
 * arrays that long before reading past the data, and the process died of V8's fatal
 * "invalid size error" (a signal, no exception; the fuzz found it, seed 3 input 448, on
 * corpus 14 with its cross-reference stream's /Filter made /JBIG2Decode). Built by hand:
 * a page painting an image whose only data is that header.
 */
function jbig2BombPdf(): Uint8Array {
  // Segment 0, type 0 (symbol dictionary), referred-to flags 111 then 0x1fffffff, then a few bytes.
  const header = Buffer.from([0, 0, 0, 0, 0x00, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4, 5, 6, 7]).toString("latin1");
  const content = "q 100 0 0 100 50 50 cm /Im1 Do Q BT /F1 12 Tf 50 200 Td (Under the image) Tj ET";
  return pdfOf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> /Font << /F1 6 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode /Length ${header.length} >>\nstream\n${header}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ]);
}

test("a JBIG2 stream claiming 2^29 referred-to segments is a broken image, not the end of kohyo: no signal, every line kohyo's, the text still read", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "kohyo-jbig2-")), "jbig2-referred.pdf");
  writeFileSync(file, jbig2BombPdf());
  for (const command of ["inspect", "tables", "facts"]) {
    const r = spawnSync(process.execPath, [join(ROOT, "dist/src/cli.js"), command, file, "--ocr", "off"], { encoding: "utf8" });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    for (const line of r.stderr.split("\n").filter((l) => l.trim() !== "")) expect(line).toMatch(/^kohyo: /);
    if (command === "inspect") expect(r.stdout).toContain("Under the image");
  }
}, 120_000);

/**
 * A TrueType font whose cmap table is one format-12 group from code 0 to 0xFFFFFFFE:
 * pdf.js pushed one mapping object per code in one synchronous loop — gigabytes and
 * minutes on one page, past every budget (the fuzz: seed 3 input 4947, corpus 05 through
 * object streams, 2.1 GB). Built from the Liberation Sans that pdfjs-dist ships, its cmap
 * entry pointed at such a table appended to the file; the page's text is WinAnsi, so it
 * reads the same whether pdf.js keeps the font or falls back.
 */
function cmapBombPdf(): Uint8Array {
  const ttf = readFileSync(join(ROOT, "node_modules/pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf"));
  const cmap = Buffer.alloc(12 + 28);
  cmap.writeUInt16BE(0, 0); // version
  cmap.writeUInt16BE(1, 2); // one subtable
  cmap.writeUInt16BE(3, 4); // Windows
  cmap.writeUInt16BE(1, 6); // Unicode BMP: the subtable pdf.js prefers for a non-symbolic font
  cmap.writeUInt32BE(12, 8);
  cmap.writeUInt16BE(12, 12); // format 12
  cmap.writeUInt32BE(28, 16); // length (after 2 reserved bytes)
  cmap.writeUInt32BE(1, 24); // one group (after the language)
  cmap.writeUInt32BE(0, 28); // from code 0
  cmap.writeUInt32BE(0xfffffffe, 32); // to code 0xFFFFFFFE
  cmap.writeUInt32BE(0, 36); // from glyph 0
  const font = Buffer.concat([ttf, Buffer.alloc((4 - (ttf.length % 4)) % 4), cmap]);
  const tables = font.readUInt16BE(4);
  let found = false;
  for (let i = 0; i < tables; i++) {
    const entry = 12 + 16 * i;
    if (font.toString("latin1", entry, entry + 4) !== "cmap") continue;
    font.writeUInt32BE(font.length - cmap.length, entry + 8);
    font.writeUInt32BE(cmap.length, entry + 12);
    found = true;
  }
  expect(found).toBe(true);
  const program = font.toString("latin1");
  const content = "BT /F1 24 Tf 40 150 Td (Broken cmap, same text) Tj ET";
  return pdfOf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /TrueType /BaseFont /LiberationSans /Encoding /WinAnsiEncoding /FontDescriptor 6 0 R >>",
    "<< /Type /FontDescriptor /FontName /LiberationSans /Flags 32 /FontBBox [-203 -303 1050 910] /ItalicAngle 0 /Ascent 905 /Descent -212 /CapHeight 729 /StemV 80 /FontFile2 7 0 R >>",
    `<< /Length ${program.length} /Length1 ${program.length} >>\nstream\n${program}\nendstream`,
  ]);
}

/** kohyo inspect on `bytes` (written to a file named `name`) with a 256 MB heap: a bomb that builds objects ends it. */
function inspectInSmallHeap(name: string, bytes: Uint8Array) {
  const file = join(mkdtempSync(join(tmpdir(), "kohyo-heap-")), name);
  writeFileSync(file, bytes);
  return spawnSync(process.execPath, ["--max-old-space-size=256", join(ROOT, "dist/src/cli.js"), "inspect", file], { encoding: "utf8" });
}

test("a TrueType font whose cmap claims every code up to 0xFFFFFFFE is a broken font, not gigabytes: read within a 256 MB heap, the text kept", () => {
  const r = inspectInSmallHeap("cmap-bomb.pdf", cmapBombPdf());
  expect(r.signal).toBeNull();
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("Broken cmap, same text");
}, 120_000);

/**
 * A font program made /JBIG2Decode (read at once, by pdf.js's JavaScript decoder) whose data
 * is one table segment (type 53) claiming the values 0 to 2^31 − 1, then a megabyte of zero
 * bytes: pdf.js added a Huffman line for every two bits until the data ran out — millions of
 * objects, the heap exhausted (the fuzz: seed 5 input 4304, corpus 10 with its fonts'
 * /Filter made /JBIG2Decode). The text drawn in the standard font is still read.
 */
function jbig2TablesPdf(): Uint8Array {
  const data = Buffer.concat([Buffer.from([0x00, 0, 0, 0, 0, 0x7f, 0xff, 0xff, 0xff]), Buffer.alloc(1 << 20)]);
  const header = Buffer.alloc(11);
  header.writeUInt32BE(0, 0); // segment 0
  header[4] = 53; // tables, page association in one byte
  header[5] = 0; // refers to no segment
  header[6] = 1; // page 1
  header.writeUInt32BE(data.length, 7);
  const jbig2 = Buffer.concat([header, data]).toString("latin1");
  const text = "BT /F1 12 Tf 50 200 Td (Beside a broken JBIG2 stream) Tj /F2 12 Tf 50 100 Td (abc) Tj ET";
  return pdfOf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    "<< /Type /Font /Subtype /TrueType /BaseFont /Broken /Encoding /WinAnsiEncoding /FontDescriptor 7 0 R >>",
    "<< /Type /FontDescriptor /FontName /Broken /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 8 0 R >>",
    `<< /Filter /JBIG2Decode /Length ${jbig2.length} /Length1 ${jbig2.length} >>\nstream\n${jbig2}\nendstream`,
  ]);
}

test("a JBIG2 table segment claiming 2^31 values over a megabyte of data is a broken stream, not the heap exhausted: read within a 256 MB heap, every line kohyo's", () => {
  const r = inspectInSmallHeap("jbig2-tables.pdf", jbig2TablesPdf());
  expect(r.signal).toBeNull();
  for (const line of r.stderr.split("\n").filter((l) => l.trim() !== "")) expect(line).toMatch(/^kohyo: /);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("Beside a broken JBIG2 stream");
}, 120_000);
