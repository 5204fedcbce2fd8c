/** Bad and odd inputs made inside the tests. */
import { deflateSync } from "node:zlib";
import { PDFDocument } from "pdf-lib";

/** A minimal valid greyscale PNG of w×h pixels (a stand-in for a scanned page). */
export function png(w: number, h: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc((w + 1) * h, 0x80);
  for (let y = 0; y < h; y++) rows[y * (w + 1)] = 0; // filter byte
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A two-page PDF of images only: what a scanner without OCR produces. */
export async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const img = await doc.embedPng(png(64, 64));
  for (let i = 0; i < 2; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawImage(img, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  return doc.save();
}

/** Deterministic pseudo-random bytes. */
export function noise(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A long document: the pages of `source` over and over (one copyPages call, fonts shared like a real book). */
export async function repeatedPdf(source: Uint8Array, copies: number): Promise<Uint8Array> {
  const src = await PDFDocument.load(source);
  const out = await PDFDocument.create();
  const indices = Array.from({ length: copies }, () => src.getPageIndices()).flat();
  for (const p of await out.copyPages(src, indices)) out.addPage(p);
  return out.save();
}

/**
 * A copy of a PDF with some pages cut down to a part of themselves (MediaBox and CropBox
 * set to `box`, given as kohyo boxes: points, origin at the top left of the page). Text
 * outside is off the page, as when a printer's crop or a careless export cuts it away.
 */
export async function cropped(bytes: Uint8Array, crops: ReadonlyArray<{ page: number; box: { x0: number; y0: number; x1: number; y1: number } }>): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes);
  for (const { page, box } of crops) {
    const p = doc.getPage(page - 1);
    const { height } = p.getMediaBox();
    const [x, y, w, h] = [box.x0, height - box.y1, box.x1 - box.x0, box.y1 - box.y0];
    p.setMediaBox(x, y, w, h);
    p.setCropBox(x, y, w, h);
  }
  return doc.save();
}
