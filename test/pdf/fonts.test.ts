/**
 * pdf.js loads each font into kohyo's stand-in document (src/pdf/load.ts
 * FONTLESS_DOCUMENT) instead of tracing every glyph's outline for a canvas: no outline
 * crosses from pdf.js's worker code to the document side, no font falls back to outlines,
 * and the text is read as before.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { openPdf } from "../../src/pdf/load.js";
import { corpus, HAVE_CORPUS, pageText, sample, squeeze } from "../helpers.js";

/** What pdf.js's two sides told each other about fonts, seen where kohyo's channel copies messages. */
let seen: { outlines: number; fonts: number; fallbacks: number };
const clone = globalThis.structuredClone;

beforeEach(() => {
  seen = { outlines: 0, fonts: 0, fallbacks: 0 };
  globalThis.structuredClone = ((value: unknown, options?: Parameters<typeof structuredClone>[1]) => {
    const m = value as { action?: string; data?: unknown[] } | null;
    if (m?.action === "commonobj" && m.data?.[1] === "FontPath") seen.outlines++;
    if (m?.action === "commonobj" && m.data?.[1] === "Font") seen.fonts++;
    if (m?.action === "FontFallback") seen.fallbacks++;
    return clone(value, options);
  }) as typeof structuredClone;
});

afterEach(() => {
  globalThis.structuredClone = clone;
});

async function readAll(file: string): Promise<string[]> {
  const r = await openPdf(file);
  if (!r.ok) throw r.error;
  const texts: string[] = [];
  for await (const page of r.doc.pages()) texts.push(pageText(page).squeezed);
  await r.doc.close();
  return texts;
}

describe("fonts are loaded without tracing glyph outlines", () => {
  test("a plan in embedded Japanese CID fonts: fonts sent, no glyph outline, no fallback, text read", async () => {
    const texts = await readAll(sample("tokyo-plan-r5-a4.pdf"));
    expect(seen.fonts).toBeGreaterThan(0);
    expect(seen.outlines).toBe(0);
    expect(seen.fallbacks).toBe(0);
    // Page 1 of the plan (samples/tokyo-plan-r5-a4.fods): its title and first row.
    expect(texts[0]).toContain(squeeze("東京都地域人材確保総合支援事業"));
    expect(texts[0]).toContain("中央区就労・雇用支援");
  });

  test.skipIf(!HAVE_CORPUS)("a published PowerPoint guidebook: no glyph outline, no fallback, text read", async () => {
    const texts = await readAll(corpus("07_jizokuka-hojokin_R6_guidebook_17th.pdf"));
    expect(seen.fonts).toBeGreaterThan(0);
    expect(seen.outlines).toBe(0);
    expect(seen.fallbacks).toBe(0);
    // Page 2 as rendered (test/pdf/corpus.test.ts reads the same strings).
    expect(texts[1]).toContain(squeeze("持続化補助金とは？"));
  });
});

describe("Uint8Array.prototype.toBase64, which pdf.js encodes each embedded font with", () => {
  const bytes = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));
  type WithBase64 = Uint8Array & { toBase64(options?: unknown): string };
  const b64 = (u: Uint8Array, options?: unknown) => (options === undefined ? (u as WithBase64).toBase64() : (u as WithBase64).toBase64(options));

  test("gives RFC 4648's test vectors, padded unless told not to", async () => {
    await import("../../src/pdf/pdfjs.js");
    const vectors: [string, string][] = [["", ""], ["f", "Zg=="], ["fo", "Zm8="], ["foo", "Zm9v"], ["foob", "Zm9vYg=="], ["fooba", "Zm9vYmE="], ["foobar", "Zm9vYmFy"]];
    for (const [plain, coded] of vectors) {
      expect(b64(bytes(plain))).toBe(coded);
      expect(b64(bytes(plain), { omitPadding: true })).toBe(coded.replace(/=+$/, ""));
    }
  });

  test("base64url: - and _ for + and /, padded by default as the proposal says", async () => {
    await import("../../src/pdf/pdfjs.js");
    const u = new Uint8Array([0xfb, 0xff]);
    expect(b64(u)).toBe("+/8=");
    expect(b64(u, { alphabet: "base64url" })).toBe("-_8=");
    expect(b64(u, { alphabet: "base64url", omitPadding: true })).toBe("-_8");
    // A view into a larger buffer encodes its own bytes only.
    expect(b64(new Uint8Array([0, 0x66, 0x6f, 0x6f, 0]).subarray(1, 4))).toBe("Zm9v");
  });

  test("refuses what the proposal refuses: null options, an unknown alphabet, another receiver", async () => {
    await import("../../src/pdf/pdfjs.js");
    const u = bytes("foo") as WithBase64;
    expect(() => u.toBase64(null)).toThrow(TypeError);
    expect(() => u.toBase64({ alphabet: "hex" })).toThrow(TypeError);
    expect(() => u.toBase64.call(new Uint16Array(2) as never)).toThrow(TypeError);
  });

  test("a 16 MB font (a fully embedded Japanese one) is encoded without holding many times its size", async () => {
    await import("../../src/pdf/pdfjs.js");
    const font = new Uint8Array(16 * 2 ** 20).map((_, i) => (i * 2654435761) >>> 24);
    const before = process.memoryUsage().heapUsed;
    const text = b64(font);
    const grown = process.memoryUsage().heapUsed - before;
    expect(text.length).toBe(Math.ceil(font.length / 3) * 4);
    expect(text.slice(0, 8)).toBe(Buffer.from(font.subarray(0, 6)).toString("base64"));
    // The text itself is 21 MB; the polyfill pdf.js brings held 300 MB of pieces.
    expect(grown).toBeLessThan(64 * 2 ** 20);
  });

  test("once pdf.js is loaded, nothing of the built-ins is left to put back", async () => {
    const { restoreBuiltins } = await import("../../src/pdf/pdfjs.js");
    expect(restoreBuiltins()).toEqual([]);
  });
});
