/**
 * The CMaps a review page must carry for pdf.js to draw a PDF's text: those its fonts
 * name as /Encoding (90ms-RKSJ-H, UniJIS-UCS2-H …; Identity-H needs none), the ones
 * those use in turn, and Adobe-Japan1-UCS2 for a Japanese CID font (pdf.js maps its
 * glyphs to Unicode with it). A page opened from file:// cannot fetch anything, so what
 * it needs goes inside it; all 1.2 MB of pdf.js's CMaps would, for every file.
 *
 * Font dictionaries are plain objects or sit in compressed object streams (PDF 1.5),
 * which are inflated to look.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { inflateSync } from "node:zlib";

const CMAP_DIR = join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "cmaps");
let known: Set<string> | null = null;
const knownCMaps = (): Set<string> =>
  (known ??= new Set(readdirSync(CMAP_DIR).filter((f) => f.endsWith(".bcmap")).map((f) => f.slice(0, -".bcmap".length))));

/** The text of the PDF where font dictionaries can be: the file itself and its object streams, inflated. */
function dictionaryText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const parts = [raw];
  const streamStart = /\/Type\s*\/ObjStm\b[^]*?>>\s*stream\r?\n/g;
  for (let m = streamStart.exec(raw); m; m = streamStart.exec(raw)) {
    const begin = m.index + m[0].length;
    const end = raw.indexOf("endstream", begin);
    if (end < 0) break;
    try {
      parts.push(inflateSync(pdf.subarray(begin, end)).toString("latin1"));
    } catch {
      // Not Flate, or damaged: pdf.js will say so when it draws the page.
    }
  }
  return parts.join("\n");
}

/** CMap name → its bytes, for every CMap pdf.js may ask for to draw this PDF. */
export function cmapsFor(pdf: Uint8Array): Map<string, Buffer> {
  const text = dictionaryText(pdf);
  const names = knownCMaps();
  const wanted = new Set<string>();
  for (const m of text.matchAll(/\/Encoding\s*\/([A-Za-z0-9+_.-]+)/g)) if (names.has(m[1]!)) wanted.add(m[1]!);
  for (const m of text.matchAll(/\/Ordering\s*\(([A-Za-z0-9]+)\)/g)) {
    const ucs2 = `Adobe-${m[1]}-UCS2`;
    if (names.has(ucs2)) wanted.add(ucs2);
  }
  const out = new Map<string, Buffer>();
  const add = (name: string) => {
    if (out.has(name)) return;
    const bytes = readFileSync(join(CMAP_DIR, `${name}.bcmap`));
    out.set(name, bytes);
    // A CMap that builds on another names it in its header (usecmap).
    for (const m of bytes.toString("latin1").matchAll(/[A-Za-z0-9+_.-]{4,}/g)) if (m[0] !== name && names.has(m[0])) add(m[0]);
  };
  for (const name of wanted) add(name);
  return out;
}
