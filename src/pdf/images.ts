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
 *
 * Extent: the part of the page its images cover, with a margin of paper ({@link MARGIN}),
 * when that is less than {@link CROP_BELOW} of the page — a scan reduced onto half of an A3
 * sheet, a scanned insert or a logo on an otherwise empty page — else the whole page. What
 * no image paints is white and holds no text to read; OCR's time and memory grow with the
 * pixels it is given (an A3 sheet at 300 dpi is 17 million).
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

/** Paper kept around the images' extent when a raster is cut to it (points). */
const MARGIN = 12;
/** A raster is cut to its images' extent when that is less than this part of the page's area. */
const CROP_BELOW = 0.8;

/**
 * A gray picture of a page, or of the part of it at `origin`: `scale` pixels per point,
 * top-left origin as the page.
 */
export interface Raster {
  width: number;
  height: number;
  /** 0 black – 255 white, row by row. */
  gray: Uint8Array;
  scale: number;
  /** Where the picture's top-left corner is on the page (points); absent: the page's. */
  origin?: { x: number; y: number };
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
  const area = imageExtent(images.map((i) => i.place), size);
  const width = Math.max(1, Math.round((area.x1 - area.x0) * scale));
  const height = Math.max(1, Math.round((area.y1 - area.y0) * scale));
  const gray = new Uint8Array(width * height).fill(255);
  const origin = { x: area.x0, y: area.y0 };
  for (const { place, img } of images) draw(gray, width, height, scale, place, img, origin);
  return { width, height, gray, scale, ...(area.cut && { origin }) };
}

/**
 * The part of the page a raster covers (points): the images' boxes with a margin, when
 * that is less than CROP_BELOW of the page, else the whole page.
 */
export function imageExtent(placed: readonly Pick<PlacedImage, "matrix">[], size: { width: number; height: number }): { x0: number; y0: number; x1: number; y1: number; cut: boolean } {
  const page = { x0: 0, y0: 0, x1: size.width, y1: size.height, cut: false };
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const { matrix: [a, b, c, d, e, f] } of placed) {
    const xs = [e, a + e, c + e, a + c + e];
    const ys = [f, b + f, d + f, b + d + f];
    x0 = Math.min(x0, ...xs);
    x1 = Math.max(x1, ...xs);
    y0 = Math.min(y0, ...ys);
    y1 = Math.max(y1, ...ys);
  }
  const cut = {
    x0: Math.max(0, Math.floor(x0 - MARGIN)),
    y0: Math.max(0, Math.floor(y0 - MARGIN)),
    x1: Math.min(size.width, Math.ceil(x1 + MARGIN)),
    y1: Math.min(size.height, Math.ceil(y1 + MARGIN)),
    cut: true,
  };
  if (!(cut.x1 > cut.x0 && cut.y1 > cut.y0)) return page;
  return (cut.x1 - cut.x0) * (cut.y1 - cut.y0) < CROP_BELOW * size.width * size.height ? cut : page;
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
function draw(gray: Uint8Array, width: number, height: number, scale: number, place: PlacedImage, img: Decoded, origin = { x: 0, y: 0 }): void {
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
  const x0 = Math.max(0, Math.floor((Math.min(...xs) - origin.x) * scale)), x1 = Math.min(width, Math.ceil((Math.max(...xs) - origin.x) * scale));
  const y0 = Math.max(0, Math.floor((Math.min(...ys) - origin.y) * scale)), y1 = Math.min(height, Math.ceil((Math.max(...ys) - origin.y) * scale));
  const step = 1 / scale;
  // An upright image (no turn, no shear): u depends on the column only and v on the row
  // only, so each raster column's source column and each row's source row are worked out
  // once — by the same arithmetic as below, so the same pixels are picked.
  if (b === 0 && c === 0) {
    const px = origin.x + (x0 + 0.5) * step;
    const cols = new Int32Array(Math.max(0, x1 - x0));
    let u = a * px + c * (origin.y + (y0 + 0.5) * step) + e;
    const du = a * step;
    for (let X = x0; X < x1; X++, u += du) cols[X - x0] = u < 0 || u >= 1 ? -1 : (u * w) | 0;
    // The raster columns the image reaches (u runs one way along the row, so they are one span).
    let first = 0, last = cols.length;
    while (first < last && cols[first]! < 0) first++;
    while (last > first && cols[last - 1]! < 0) last--;
    const mask = place.kind === "mask";
    // For a mask: from each raster column of the span, the first one further on whose source pixel is in another byte.
    const nextByte = new Int32Array(mask ? cols.length : 0);
    if (mask) for (let k = last - 1, next = last; k >= first; k--) {
      if (k + 1 < last && cols[k + 1]! >> 3 !== cols[k]! >> 3) next = k + 1;
      nextByte[k] = next;
    }
    // An image that is not a mask paints every pixel of its span: a raster row drawn from
    // the same source row as the row above it is that row again, copied.
    let above = -1, aboveY = -1;
    for (let Y = y0; Y < y1; Y++) {
      const py = origin.y + (Y + 0.5) * step;
      const v = b * px + d * py + f;
      if (v <= 0 || v > 1) continue;
      const base = (((1 - v) * h) | 0) * rowBytes;
      const row = Y * width + x0;
      if (!mask && base === above && aboveY === Y - 1) {
        gray.copyWithin(row + first, row - width + first, row - width + last);
        aboveY = Y;
        continue;
      }
      (above = base), (aboveY = Y);
      if (mask) {
        // Only the pixels whose bit is 0 are painted: a byte of ones (paper, most of a
        // text mask) is passed over with all the raster pixels it would give.
        for (let k = first, at = row + first; k < last; ) {
          const byte = data[base + (cols[k]! >> 3)]!;
          if (byte === 0xff) {
            const next = nextByte[k]!;
            at += next - k;
            k = next;
            continue;
          }
          if (((byte >> (7 - (cols[k]! & 7))) & 1) === 0) gray[at] = place.fill;
          k++, at++;
        }
      } else if (bits) {
        // A 1-bit image is black where its bit is 0.
        for (let k = first, at = row + first; k < last; k++, at++) {
          const col = cols[k]!;
          gray[at] = (data[base + (col >> 3)]! >> (7 - (col & 7))) & 1 ? 255 : 0;
        }
      } else if (channels === 1) {
        for (let k = first, at = row + first; k < last; k++, at++) gray[at] = data[base + cols[k]!]!;
      } else {
        // Neighbouring raster pixels from one source pixel (an image drawn larger than its own resolution) take its gray once worked out.
        let lastCol = -1, value = 0;
        for (let k = first, at = row + first; k < last; k++, at++) {
          const col = cols[k]!;
          if (col !== lastCol) {
            const i = base + col * channels;
            value = (data[i]! * 299 + data[i + 1]! * 587 + data[i + 2]! * 114) / 1000;
            lastCol = col;
          }
          gray[at] = value;
        }
      }
    }
    return;
  }
  for (let Y = y0; Y < y1; Y++) {
    const py = origin.y + (Y + 0.5) * step;
    const px = origin.x + (x0 + 0.5) * step;
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
