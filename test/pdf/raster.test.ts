/**
 * A page's picture (src/pdf/images.ts pageRaster): upright images — the scans and masks
 * of scanned pages — are drawn by a fast path (each raster column's source column worked
 * out once, a row from the same source row as the row above copied, a mask's bytes of
 * paper passed over whole). It must give the pixels that sampling every raster pixel
 * through the image's matrix gives, nearest source pixel, in the order painted.
 */
import { expect, test } from "vitest";
import type { PDFPageProxy } from "pdfjs-dist/types/src/display/api.js";
import { pageRaster } from "../../src/pdf/images.js";
import type { PlacedImage } from "../../src/pdf/content.js";
import { invert, type Matrix } from "../../src/pdf/geometry.js";

interface Decoded {
  width: number;
  height: number;
  kind?: number;
  data: Uint8Array;
}

/** A small deterministic generator (the same images every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** pdf.js's decoded images: 1 = 1 bit a pixel (rows padded to bytes), 2 = RGB, 3 = RGBA; none: a mask's bits or 8-bit gray. */
function image(kind: 1 | 2 | 3 | "gray" | "mask", width: number, height: number, seed: number): Decoded {
  const next = random(seed);
  const bits = kind === 1 || kind === "mask";
  const bytes = bits ? ((width + 7) >> 3) * height : width * height * (kind === 2 ? 3 : kind === 3 ? 4 : 1);
  const data = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) {
    // A text mask is mostly paper (bytes of ones) with some ink; images are noise.
    data[i] = kind === "mask" ? (next() < 0.7 ? 0xff : (next() * 256) | 0) : (next() * 256) | 0;
  }
  return { width, height, data, ...(typeof kind === "number" && { kind }) };
}

/** Every raster pixel sampled through the image's inverse matrix (the way a turned image is drawn). */
function reference(size: { width: number; height: number }, scale: number, images: { place: PlacedImage; img: Decoded }[]): Uint8Array {
  const width = Math.max(1, Math.round(size.width * scale)), height = Math.max(1, Math.round(size.height * scale));
  const gray = new Uint8Array(width * height).fill(255);
  for (const { place, img } of images) {
    const [a, b, c, d, e, f] = invert(place.matrix)!;
    const bits = place.kind === "mask" || img.kind === 1;
    const channels = img.kind === 2 ? 3 : img.kind === 3 ? 4 : 1;
    const rowBytes = bits ? (img.width + 7) >> 3 : img.width * channels;
    const step = 1 / scale;
    const [m0, m1, m2, m3, m4, m5] = place.matrix;
    const xs = [m4, m0 + m4, m2 + m4, m0 + m2 + m4], ys = [m5, m1 + m5, m3 + m5, m1 + m3 + m5];
    const x0 = Math.max(0, Math.floor(Math.min(...xs) * scale)), x1 = Math.min(width, Math.ceil(Math.max(...xs) * scale));
    const y0 = Math.max(0, Math.floor(Math.min(...ys) * scale)), y1 = Math.min(height, Math.ceil(Math.max(...ys) * scale));
    for (let Y = y0; Y < y1; Y++) {
      const py = (Y + 0.5) * step, px = (x0 + 0.5) * step;
      let u = a * px + c * py + e;
      const v = b * px + d * py + f;
      for (let X = x0; X < x1; X++, u += a * step) {
        if (u < 0 || u >= 1 || v <= 0 || v > 1) continue;
        const col = (u * img.width) | 0, row = ((1 - v) * img.height) | 0;
        const at = Y * width + X;
        if (bits) {
          const bit = (img.data[row * rowBytes + (col >> 3)]! >> (7 - (col & 7))) & 1;
          if (place.kind === "mask") {
            if (bit === 0) gray[at] = place.fill;
          } else gray[at] = bit ? 255 : 0;
        } else if (channels === 1) gray[at] = img.data[row * rowBytes + col]!;
        else {
          const i = row * rowBytes + col * channels;
          gray[at] = (img.data[i]! * 299 + img.data[i + 1]! * 587 + img.data[i + 2]! * 114) / 1000;
        }
      }
    }
  }
  return gray;
}

/** A page whose decoded images pdf.js has ready, by id. */
function pageWith(images: Record<string, Decoded>): PDFPageProxy {
  const objs = { has: (id: string) => id in images, get: (id: string) => images[id] };
  return { objs, commonObjs: objs } as unknown as PDFPageProxy;
}

test("upright images, masks over them, scaled up, down and flipped: the same pixels as sampling each raster pixel", async () => {
  // A page of 200 × 150 points; several images, so the picture is drawn at 300 dpi.
  const size = { width: 200, height: 150 };
  const imgs: Record<string, Decoded> = {
    scan: image(2, 140, 105, 1), // RGB under the rest, drawn larger than its resolution (≈ 2.1 raster pixels per source pixel)
    rgba: image(3, 300, 90, 2), // drawn smaller than its resolution
    gray: image("gray", 37, 23, 3),
    bits: image(1, 45, 30, 4), // 1-bit image, its rows padded to whole bytes
    text: image("mask", 333, 210, 5), // a text mask at about its own resolution
    small: image("mask", 13, 9, 6),
  };
  const at = (x: number, y: number, w: number, h: number): Matrix => [w, 0, 0, -h, x, y + h];
  const placed: PlacedImage[] = [
    { kind: "image", ref: "scan", width: 140, height: 105, matrix: at(0, 0, 200, 150), fill: 0 },
    { kind: "image", ref: "rgba", width: 300, height: 90, matrix: at(20.3, 10.7, 61.1, 18.2), fill: 0 },
    // Flipped across (its matrix runs right to left), and partly off the page.
    { kind: "image", ref: "gray", width: 37, height: 23, matrix: [-50.5, 0, 0, -30.25, 210, 140], fill: 0 },
    { kind: "image", ref: "bits", width: 45, height: 30, matrix: at(100.2, 40.9, 33.3, 22.1), fill: 0 },
    { kind: "mask", ref: "text", width: 333, height: 210, matrix: at(5.5, 60.25, 80, 50.4), fill: 17 },
    { kind: "mask", ref: "small", width: 13, height: 9, matrix: at(150, 100, 31.2, 21.6), fill: 90 },
  ];
  const raster = await pageRaster(pageWith(imgs), placed, size);
  expect(raster).not.toBeNull();
  expect(raster!.scale).toBe(300 / 72);
  const expected = reference(size, raster!.scale, placed.map((place) => ({ place, img: imgs[place.ref as string]! })));
  expect(raster!.gray.length).toBe(expected.length);
  const differing = raster!.gray.reduce((n, g, i) => n + (g === expected[i] ? 0 : 1), 0);
  expect(differing).toBe(0);
  // The images are there: the mask's fill and the scan's grays both show.
  expect(raster!.gray.includes(17)).toBe(true);
  expect(new Set(raster!.gray).size).toBeGreaterThan(100);
});

test("one image covering the page, at its own resolution: every pixel its own source pixel's gray", async () => {
  const size = { width: 100, height: 80 };
  const scan = image(2, 250, 200, 7);
  const raster = await pageRaster(pageWith({ scan }), [{ kind: "image", ref: "scan", width: 250, height: 200, matrix: [100, 0, 0, -80, 0, 80], fill: 0 }], size);
  expect(raster!.width).toBe(250);
  expect(raster!.height).toBe(200);
  for (const [x, y] of [[0, 0], [249, 0], [17, 123], [249, 199]] as const) {
    const i = (y * 250 + x) * 3;
    expect(raster!.gray[y * 250 + x]).toBe(Math.trunc((scan.data[i]! * 299 + scan.data[i + 1]! * 587 + scan.data[i + 2]! * 114) / 1000));
  }
});
