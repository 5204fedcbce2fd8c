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

/**
 * A PDF written by hand with what office tools rarely make and pdf.js must still read
 * the same way: a Type3 font (glyphs drawn by content streams), and forms nested in
 * forms whose resources name their fonts like the page does (/F1 is the Type3 font on
 * the page and Helvetica in the forms), each page setting fonts again and again.
 * `pages` pages, each a little different.
 */
export function type3AndNestedFormsPdf(pages: number): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body); // object n is objects[n - 1]
  const stream = (dict: string, data: string) => `<< ${dict} /Length ${Buffer.byteLength(data, "latin1")} >>\nstream\n${data}\nendstream`;
  add("<< /Type /Catalog /Pages 2 0 R >>"); // 1
  add(""); // 2: pages, filled in below
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"); // 3
  add(stream("", "1000 0 0 0 750 750 d1 0 0 750 750 re f")); // 4: a square
  add(stream("", "1000 0 0 0 750 750 d1 0 0 m 375 750 l 750 0 l f")); // 5: a triangle
  add(
    "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750] /FontMatrix [0.001 0 0 0.001 0 0] " +
      "/CharProcs << /square 4 0 R /triangle 5 0 R >> /Encoding << /Type /Encoding /Differences [97 /square /triangle] >> " +
      "/FirstChar 97 /LastChar 98 /Widths [1000 1000] /Resources << >> >>",
  ); // 6
  // 7: the inner form (Helvetica as /F1), 8: the outer form, drawing text and the inner form twice.
  add(stream("/Type /XObject /Subtype /Form /BBox [0 0 400 400] /Resources << /Font << /F1 3 0 R >> >>", "BT /F1 9 Tf 30 120 Td (inner form) Tj ET BT /F1 9 Tf 30 108 Td (again) Tj ET"));
  add(
    stream(
      "/Type /XObject /Subtype /Form /BBox [0 0 400 400] /Resources << /Font << /F1 3 0 R /F3 6 0 R >> /XObject << /Inner 7 0 R >> >>",
      "BT /F1 10 Tf 30 160 Td (outer form) Tj ET BT /F3 12 Tf 30 140 Td (ab) Tj ET /Inner Do q 1 0 0 1 150 0 cm /Inner Do Q",
    ),
  );
  const kids: number[] = [];
  for (let p = 1; p <= pages; p++) {
    const text = Array.from({ length: 6 }, (_, i) => `BT /F${i % 2 ? 2 : 1} ${10 + i} Tf 30 ${360 - i * 18} Td (${i % 2 ? `page ${p} line ${i}` : "abba"}) Tj ET`).join(" ");
    add(stream("", `${text} /Outer Do q 0.5 0 0 0.5 200 200 cm /Outer Do Q`));
    const contents = objects.length;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 400] /Contents ${contents} 0 R /Resources << /Font << /F1 6 0 R /F2 3 0 R >> /XObject << /Outer 8 0 R >> >> >>`);
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${pages} >>`;
  return pdfOf(objects);
}

/** A PDF of these objects (1 0 obj the catalog), with its cross-reference table. */
export function pdfOf(objects: readonly string[]): Uint8Array {
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, "latin1"));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, "latin1"));
}
