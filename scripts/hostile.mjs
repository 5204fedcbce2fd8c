/**
 * Hostile and broken PDFs, written object by object (no library would write most of
 * them): decompression bombs, a pattern that paints itself, deep nesting, page-tree
 * loops, huge grids. Used by the tests (test/pdf/limits.test.ts, test/fuzz.test.ts) and
 * scripts/fuzz.mjs; plain JavaScript so that the script runs without a build step.
 */
import { Buffer } from "node:buffer";
import { createDeflate, deflateSync } from "node:zlib";

/** A stream object's text: its dictionary (Length added) and bytes. */
export function stream(dict, data, opts = {}) {
  const body = typeof data === "string" ? Buffer.from(data, "latin1") : Buffer.from(data);
  return Buffer.concat([Buffer.from(`<<${dict}/Length ${opts.length ?? body.length}>>stream\n`, "latin1"), body, Buffer.from("\nendstream", "latin1")]);
}

/**
 * A whole PDF from its objects (object i + 1 is objects[i]), with a correct cross-reference
 * table; `trailer` is added to the trailer dictionary (Root is object 1).
 */
export function rawPdf(objects, trailer = "") {
  const parts = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let at = parts[0].length;
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(at);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, "latin1"), typeof o === "string" ? Buffer.from(o, "latin1") : o, Buffer.from("\nendobj\n", "latin1")]);
    parts.push(b);
    at += b.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(Buffer.from(`${xref}trailer\n<</Size ${objects.length + 1}/Root 1 0 R${trailer}>>\nstartxref\n${at}\n%%EOF\n`, "latin1"));
  return Buffer.concat(parts);
}

const FONT = "<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>";

/** One A4 page drawing `content`, with Helvetica as /F1 and `resources` added to its resources. */
export function onePage(content, resources = "", extra = []) {
  return rawPdf([
    "<</Type/Catalog/Pages 2 0 R>>",
    "<</Type/Pages/Kids[3 0 R]/Count 1>>",
    `<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>${resources}>>/Contents 5 0 R>>`,
    FONT,
    typeof content === "string" ? stream("", content) : content,
    ...extra,
  ]);
}

/** Some text, so that a page is not taken for a scan. */
export const TEXT = "BT /F1 12 Tf 72 770 Td (Hostile input) Tj ET\n";

/** A page whose content stream inflates to `bytes` (spaces after some text): a decompression bomb. */
export function bomb(bytes) {
  const data = Buffer.alloc(bytes, 0x20);
  Buffer.from(TEXT, "latin1").copy(data);
  return onePage(stream("/Filter/FlateDecode", deflateSync(data, { level: 9 })));
}

/**
 * A page whose content stream, deflated twice (/Filter [/FlateDecode /FlateDecode]),
 * inflates to `bytes` spaces after some text: a bomb of a few kilobytes, made without
 * holding what it inflates to.
 */
export async function doubleBomb(bytes) {
  const inner = await new Promise((resolve, reject) => {
    const z = createDeflate({ level: 9 });
    const out = [];
    z.on("data", (c) => out.push(c));
    z.on("end", () => resolve(Buffer.concat(out)));
    z.on("error", reject);
    z.write(Buffer.from(TEXT, "latin1"));
    const chunk = Buffer.alloc(1 << 20, 0x20);
    let left = bytes;
    const more = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!z.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void z.once("drain", more);
      }
      z.end();
    };
    more();
  });
  return onePage(stream("/Filter[/FlateDecode/FlateDecode]", deflateSync(inner, { level: 9 })));
}

/** `depth` nested q … Q around some text. */
export const nestedSaves = (depth) => onePage("q\n".repeat(depth) + TEXT + "Q\n".repeat(depth));

/** A tiling pattern whose content fills with the pattern itself. */
export function selfPaintingPattern() {
  const pattern = stream("/Type/Pattern/PatternType 1/PaintType 1/TilingType 1/BBox[0 0 10 10]/XStep 10/YStep 10/Resources<</Pattern<</P0 6 0 R>>>>", "/Pattern cs /P0 scn 0 0 10 10 re f");
  return onePage(TEXT + "/Pattern cs /P0 scn 0 0 595 842 re f\n", "/Pattern<</P0 6 0 R>>", [pattern]);
}

/** A page with `n` × `n` ruled cells, each holding a number. */
export function ruledGrid(n) {
  const size = 540 / n;
  let s = "0.2 w\n";
  for (let i = 0; i <= n; i++) {
    const p = 30 + i * size;
    s += `30 ${(812 - i * size).toFixed(3)} m 570 ${(812 - i * size).toFixed(3)} l S\n${p.toFixed(3)} 272 m ${p.toFixed(3)} 812 l S\n`;
  }
  s += "BT /F1 1 Tf\n";
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) s += `1 0 0 1 ${(31 + c * size).toFixed(3)} ${(812 - (r + 1) * size + 0.3).toFixed(3)} Tm (${(r * n + c) % 1000}) Tj\n`;
  s += "ET\n";
  return onePage(TEXT + s);
}

/** A page tree that names `pages` pages, all the same page object. */
export function manyPages(pages) {
  const kids = Array.from({ length: pages }, () => "3 0 R").join(" ");
  return rawPdf([
    "<</Type/Catalog/Pages 2 0 R>>",
    `<</Type/Pages/Kids[${kids}]/Count ${pages}>>`,
    "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>",
    FONT,
    stream("", TEXT),
  ]);
}

/** A page tree whose only node names itself as its kid. */
export const pageTreeLoop = () =>
  rawPdf(["<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[2 0 R 3 0 R]/Count 2>>", "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>", FONT, stream("", TEXT)]);

/** A page tree with /Count 0 above a page that is there. */
export const countZero = () =>
  rawPdf(["<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 0>>", "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>", FONT, stream("", TEXT)]);

/** A trailer naming an /Encrypt dictionary that is not in the file. */
export const missingEncrypt = () =>
  rawPdf(["<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>", "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>", FONT, stream("", TEXT)], "/Encrypt 99 0 R/ID[<0123456789abcdef0123456789abcdef><0123456789abcdef0123456789abcdef>]");
