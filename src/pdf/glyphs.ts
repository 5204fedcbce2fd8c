/**
 * A page's glyphs as the content interpreter places them (./content.ts) and the run
 * builder reads them (./text.ts): numbers field by field in one Float64Array, the
 * characters in one array of strings, and what a whole text show shares — direction,
 * displayed size, font, writing mode — once per show.
 *
 * A page of a spreadsheet printed to PDF shows some 2,700 glyphs. As one object each,
 * with a box object and seven numbers that V8 keeps in boxes of their own, they were a
 * fifth of all the memory allocated to read a page (about 1 MB), and each had to be
 * traced by the garbage collector; here they are a few arrays per page.
 * {@link GlyphList.glyph} gives one as a {@link Glyph} object.
 */
import type { Box } from "../model/page.js";

export interface Glyph {
  /** The character(s) the text layer maps this glyph to ("" when it maps to none). */
  unicode: string;
  /** Page coordinates, top-left origin. */
  box: Box;
  /** Baseline origin (horizontal) or top centre (vertical), page coordinates. */
  ox: number;
  oy: number;
  /** Unit vector of the writing direction in page coordinates. */
  dx: number;
  dy: number;
  /** Advance along the writing direction, points. */
  advance: number;
  /** Font size as displayed, points. */
  size: number;
  font: string;
  vertical: boolean;
  /** False when clipped away or off the page. */
  visible: boolean;
}

/** What the glyphs of one text show share. */
export interface GlyphShow {
  /** Unit vector of the writing direction in page coordinates. */
  dx: number;
  dy: number;
  /** Font size as displayed, points. */
  size: number;
  font: string;
  vertical: boolean;
}

// A glyph's numbers: its slot in GlyphList.data is index × STRIDE + one of these.
export const X0 = 0;
export const Y0 = 1;
export const X1 = 2;
export const Y1 = 3;
export const OX = 4;
export const OY = 5;
export const ADVANCE = 6;
/** Index of its show in GlyphList.shows. */
export const SHOW = 7;
/** 1 when it can be seen, 0 when clipped away or off the page. */
export const VISIBLE = 8;
/** Index in GlyphList.clips of the clip it was shown in, −1 for none. */
export const CLIP = 9;
export const STRIDE = 10;

export class GlyphList {
  length = 0;
  /** The glyphs' numbers, STRIDE per glyph (see X0 … VISIBLE); past length × STRIDE, unused room. */
  data = new Float64Array(STRIDE * 1024);
  readonly unicode: string[] = [];
  readonly shows: GlyphShow[] = [];
  /** The clips glyphs were shown in (bounding boxes, page coordinates), each once. */
  readonly clips: Box[] = [];

  /** The index of a clip for {@link add}: the last one again when it is the same object. */
  clipIndex(clip: Box | null): number {
    if (!clip) return -1;
    if (this.clips[this.clips.length - 1] !== clip) this.clips.push(clip);
    return this.clips.length - 1;
  }

  /** The show the next glyphs belong to: the last one again when it is the same. */
  startShow(dx: number, dy: number, size: number, font: string, vertical: boolean): number {
    const last = this.shows[this.shows.length - 1];
    if (last && last.dx === dx && last.dy === dy && last.size === size && last.font === font && last.vertical === vertical) return this.shows.length - 1;
    this.shows.push({ dx, dy, size, font, vertical });
    return this.shows.length - 1;
  }

  add(unicode: string, x0: number, y0: number, x1: number, y1: number, ox: number, oy: number, advance: number, show: number, visible: boolean, clip = -1): void {
    let at = this.length * STRIDE;
    if (at + STRIDE > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const d = this.data;
    d[at++] = x0;
    d[at++] = y0;
    d[at++] = x1;
    d[at++] = y1;
    d[at++] = ox;
    d[at++] = oy;
    d[at++] = advance;
    d[at++] = show;
    d[at++] = visible ? 1 : 0;
    d[at] = clip;
    this.unicode.push(unicode);
    this.length++;
  }

  /** Glyph number i as an object. */
  glyph(i: number): Glyph {
    const d = this.data;
    const at = i * STRIDE;
    const s = this.shows[d[at + SHOW]!]!;
    return {
      unicode: this.unicode[i]!,
      box: { x0: d[at + X0]!, y0: d[at + Y0]!, x1: d[at + X1]!, y1: d[at + Y1]! },
      ox: d[at + OX]!,
      oy: d[at + OY]!,
      dx: s.dx,
      dy: s.dy,
      advance: d[at + ADVANCE]!,
      size: s.size,
      font: s.font,
      vertical: s.vertical,
      visible: d[at + VISIBLE] === 1,
    };
  }

  /** Every glyph as an object, in order. */
  toArray(): Glyph[] {
    return Array.from({ length: this.length }, (_, i) => this.glyph(i));
  }

  /** Glyph objects as a list (each its own show unless it shares the last one's). */
  static from(glyphs: readonly Glyph[]): GlyphList {
    const list = new GlyphList();
    for (const g of glyphs) {
      const show = list.startShow(g.dx, g.dy, g.size, g.font, g.vertical);
      list.add(g.unicode, g.box.x0, g.box.y0, g.box.x1, g.box.y1, g.ox, g.oy, g.advance, show, g.visible);
    }
    return list;
  }
}
