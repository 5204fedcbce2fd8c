/**
 * A page's picture, made from the images it paints: what OCR reads on a scanned page.
 *
 * Each image pdf.js decoded for the page is drawn, in the order painted, through the
 * matrix it was painted with, into one gray raster (0 black – 255 white; nearest pixel):
 * photos and scans as their luminance, image masks (the 1-bit stencils of a scanner's
 * compact PDF: text in CCITT or JBIG2 over a low-resolution colour background) in their
 * fill colour. Vector drawing and text are not drawn: a page that needs OCR is one whose
 * text cannot be read, and its ruling lines, if drawn as vectors, are read as vectors.
 *
 * Resolution: where the page is one image, the image's own (no resampling when it is
 * upright); else {@link COMPOSITE_DPI}.
 */
import type { PDFPageProxy } from "pdfjs-dist/types/src/display/api.js";
import { invert } from "./geometry.js";
import type { PlacedImage } from "./content.js";

/** Resolution of a page composed of several images. */
export const COMPOSITE_DPI = 300;
/** The most pixels per point a page image gets (a 1200-dpi scan is read at 600 dpi). */
const MAX_SCALE = 600 / 72;
/** The least (a 72-dpi thumbnail is read at 150 dpi: OCR needs text some 20 pixels tall). */
const MIN_SCALE = 150 / 72;

/** A gray picture of a page: `scale` pixels per point, top-left origin as the page. */
export interface Raster {
  width: number;
  height: number;
  /** 0 black – 255 white, row by row. */
  gray: Uint8Array;
  scale: number;
}

/** pdf.js's decoded image (ImageKind: 1 = 1 bit gray, 2 = RGB, 3 = RGBA). */
interface Decoded {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray | string;
}

/**
 * The page's picture from its images, or null when it paints none that pdf.js decoded.
 * `size` is the page's displayed size in points.
 */
export async function pageRaster(p: PDFPageProxy, placed: readonly PlacedImage[], size: { width: number; height: number }): Promise<Raster | null> {
  const images: { place: PlacedImage; img: Decoded }[] = [];
  for (const place of placed) {
    const img = await resolve(p, place.ref);
    if (img && img.data && typeof img.data !== "string" && img.width > 0 && img.height > 0) images.push({ place, img });
  }
  if (images.length === 0) return null;
  const scale = rasterScale(images.map((i) => i.place), size);
  const width = Math.max(1, Math.round(size.width * scale));
  const height = Math.max(1, Math.round(size.height * scale));
  const gray = new Uint8Array(width * height).fill(255);
  for (const { place, img } of images) draw(gray, width, height, scale, place, img);
  return { width, height, gray, scale };
}

/** Pixels per point: the one image's own where it covers most of the page, else COMPOSITE_DPI. */
export function rasterScale(placed: readonly Pick<PlacedImage, "width" | "height" | "matrix">[], size: { width: number; height: number }): number {
  const covering = placed.filter((p) => {
    const [a, b, c, d] = p.matrix;
    return Math.abs(a * d - b * c) >= 0.8 * size.width * size.height;
  });
  if (placed.length !== 1 || covering.length !== 1) return COMPOSITE_DPI / 72;
  const [a, b, c, d] = covering[0]!.matrix;
  // Image pixels per point along the image's own two axes; the finer of the two.
  const own = Math.max(covering[0]!.width / Math.hypot(a, b), covering[0]!.height / Math.hypot(c, d));
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, own));
}

async function resolve(p: PDFPageProxy, ref: unknown): Promise<Decoded | null> {
  if (typeof ref === "string") return (await objectOf(p, ref)) as Decoded | null;
  if (ref && typeof ref === "object") {
    const img = ref as Decoded;
    // A mask whose bits pdf.js sent as an object of their own.
    if (typeof img.data === "string") {
      const data = (await objectOf(p, img.data)) as Decoded | Uint8Array | null;
      if (!data) return null;
      return data instanceof Uint8Array ? { ...img, data } : { ...img, ...data };
    }
    return img;
  }
  return null;
}

/** A resolved pdf.js object of the page (or of the document, for ids starting g_); null if it never came. */
function objectOf(p: PDFPageProxy, id: string): Promise<unknown> {
  const objs = (id.startsWith("g_") ? p.commonObjs : p.objs) as unknown as { get(id: string, callback?: (v: unknown) => void): unknown; has(id: string): boolean };
  if (objs.has(id)) return Promise.resolve(objs.get(id));
  return new Promise((done) => {
    try {
      objs.get(id, done);
    } catch {
      done(null);
    }
  });
}

/** Draws one image into the raster through its matrix (nearest source pixel). */
function draw(gray: Uint8Array, width: number, height: number, scale: number, place: PlacedImage, img: Decoded): void {
  const inv = invert(place.matrix);
  if (!inv) return;
  const [a, b, c, d, e, f] = inv;
  const w = img.width, h = img.height;
  const data = img.data as Uint8Array;
  const bits = place.kind === "mask" || img.kind === 1;
  const channels = img.kind === 2 ? 3 : img.kind === 3 ? 4 : 1;
  const rowBytes = bits ? (w + 7) >> 3 : w * channels;
  // The pixels the image can reach: its box on the page, in raster pixels.
  const [m0, m1, m2, m3, m4, m5] = place.matrix;
  const xs = [m4, m0 + m4, m2 + m4, m0 + m2 + m4];
  const ys = [m5, m1 + m5, m3 + m5, m1 + m3 + m5];
  const x0 = Math.max(0, Math.floor(Math.min(...xs) * scale)), x1 = Math.min(width, Math.ceil(Math.max(...xs) * scale));
  const y0 = Math.max(0, Math.floor(Math.min(...ys) * scale)), y1 = Math.min(height, Math.ceil(Math.max(...ys) * scale));
  const step = 1 / scale;
  for (let Y = y0; Y < y1; Y++) {
    const py = (Y + 0.5) * step;
    const px = (x0 + 0.5) * step;
    // Unit-square coordinates of the pixel's centre: u across the image, v up it.
    let u = a * px + c * py + e;
    let v = b * px + d * py + f;
    const du = a * step, dv = b * step;
    let at = Y * width + x0;
    for (let X = x0; X < x1; X++, u += du, v += dv, at++) {
      if (u < 0 || u >= 1 || v <= 0 || v > 1) continue;
      const col = (u * w) | 0;
      const row = ((1 - v) * h) | 0;
      if (bits) {
        const bit = (data[row * rowBytes + (col >> 3)]! >> (7 - (col & 7))) & 1;
        // A mask paints where its bit is 0; a 1-bit image is black where it is 0.
        if (place.kind === "mask") {
          if (bit === 0) gray[at] = place.fill;
        } else gray[at] = bit ? 255 : 0;
      } else if (channels === 1) gray[at] = data[row * rowBytes + col]!;
      else {
        const i = row * rowBytes + col * channels;
        gray[at] = (data[i]! * 299 + data[i + 1]! * 587 + data[i + 2]! * 114) / 1000;
      }
    }
  }
}

/** The raster as a binary PGM (P5) file: what an OCR engine reads without any codec. */
export function toPgm(r: Raster): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${r.width} ${r.height}\n255\n`);
  const out = new Uint8Array(head.length + r.gray.length);
  out.set(head, 0);
  out.set(r.gray, head.length);
  return out;
}
