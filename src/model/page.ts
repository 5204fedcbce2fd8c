/**
 * What the PDF layer hands to every later stage.
 *
 * Coordinates are PDF points (1/72 in) with the origin at the TOP-LEFT of the page
 * as displayed: page rotation and the MediaBox/CropBox offset are already applied,
 * x grows to the right and y grows downwards.
 */
import type { Diagnostic } from "./finding.js";

/** An axis-aligned box, top-left origin: x0 < x1, y0 < y1. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A piece of text drawn in one go with one font. */
export interface TextRun {
  /** Repaired text (radicals → ideographs, half-width kana → full-width, controls dropped). */
  text: string;
  /** The text exactly as the PDF's text layer gave it. */
  raw: string;
  box: Box;
  /** The PDF font's name (BaseFont, subset prefix removed), or pdf.js's id when unknown. */
  font: string;
  /** Font size in points, as displayed. */
  size: number;
  /** True for vertical writing (縦書き). */
  vertical: boolean;
  /**
   * Where each UTF-16 unit of `text` starts along the writing direction — x for text
   * that reads across the page, y for text that reads down or up it (vertical writing,
   * a page rotated by 90°) — then where the last glyph ends: `text.length + 1` numbers,
   * decreasing when the text reads right to left or upwards. An inserted space starts
   * where the glyph before it ends. Absent when repair changed the text's length
   * (half-width kana composed, controls dropped).
   */
  edges?: number[];
  /** How sure OCR is of the text, 0–1 (its least sure word); absent for text from the PDF's own layer. */
  confidence?: number;
}

/**
 * A ruling line: a stroked horizontal/vertical segment or a thin filled rectangle,
 * merged with its neighbours where they touch.
 * For `axis: "h"`, `pos` is y and `start`/`end` are x; for `axis: "v"`, `pos` is x
 * and `start`/`end` are y. `thickness` is the drawn width in points.
 */
export interface Rule {
  axis: "h" | "v";
  pos: number;
  start: number;
  end: number;
  thickness: number;
}

/** A link annotation to a web address: where on the page it can be clicked. */
export interface Link {
  url: string;
  box: Box;
}

export interface Page {
  /** 1-based page number. */
  number: number;
  /** Displayed width and height in points (rotation applied). */
  width: number;
  height: number;
  /** /Rotate of the page: 0, 90, 180 or 270. */
  rotation: number;
  runs: TextRun[];
  rules: Rule[];
  /**
   * Boxes drawn on the page (stroked frames, filled bands and cells, rounded rectangles), as
   * bounding boxes; absent where a page was made without them (OCR, tests).
   */
  areas?: Box[];
  /** Link annotations to web addresses (http, https, mailto), in the order the page lists them. */
  links: Link[];
  /** How many images the page paints (a page of only images is probably scanned). */
  images: number;
  /** Page-level findings, e.g. a page without text. */
  diagnostics: Diagnostic[];
  /** Set when the page's text and some of its rules were read from its picture by OCR (src/ocr/). */
  ocr?: PageOcrInfo;
}

/** How a page was read by OCR. */
export interface PageOcrInfo {
  /** No text layer, a layer of invisible text only (render mode 3 over a scan), or OCR asked for every page. */
  reason: "no-text" | "invisible-text" | "forced";
  engine: string;
  dpi: number;
  /** The skew the picture was straightened by, radians: of its horizontal lines, of its vertical ones. */
  skew: [number, number];
}

/** Facts about the whole document. */
export interface DocumentInfo {
  file: string;
  sha256: string;
  bytes: number;
  pages: number;
  pdfVersion: string | null;
  title: string | null;
  producer: string | null;
  creator: string | null;
  encrypted: boolean;
}
