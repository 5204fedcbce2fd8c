/**
 * The buffered DecompressionStream the CLI puts in place for pdf.js (src/pdf/inflate.ts):
 * the same bytes as zlib, errors where the platform's stream errors (so pdf.js falls back
 * the same way), other formats left to the platform, and pages read the same.
 */
import { deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { afterEach, expect, test } from "vitest";
import { bufferedDecompressionStream, useBufferedInflate } from "../../src/pdf/inflate.js";
import { readAll, sample } from "../helpers.js";

type Format = ConstructorParameters<typeof DecompressionStream>[0];
const Platform = globalThis.DecompressionStream;
const Buffered = bufferedDecompressionStream(Platform);

afterEach(() => {
  globalThis.DecompressionStream = Platform;
});

/** Writes `input` in pieces, closes, and reads every chunk back (as pdf.js does). */
async function roundTrip(Stream: typeof DecompressionStream, format: string, input: Uint8Array, pieces = 1): Promise<Uint8Array> {
  const { readable, writable } = new Stream(format as Format);
  const writer = writable.getWriter();
  const size = Math.ceil(input.length / pieces);
  void (async () => {
    for (let i = 0; i < input.length; i += size) await writer.write(input.subarray(i, i + size));
    await writer.close();
  })().catch(() => {});
  const chunks: Uint8Array[] = [];
  for await (const chunk of readable) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

const text = new TextEncoder().encode("BT /F1 12 Tf 72 720 Td (若者の就労支援) Tj ET\n".repeat(500));

test("deflate, deflate-raw and gzip data come out as the platform's DecompressionStream gives them, written whole or in pieces", async () => {
  for (const [format, packed] of [
    ["deflate", deflateSync(text)],
    ["deflate-raw", deflateRawSync(text)],
    ["gzip", gzipSync(text)],
  ] as const) {
    const expected = await roundTrip(Platform, format, packed);
    expect(Buffer.from(expected).equals(Buffer.from(text))).toBe(true);
    expect(Buffer.from(await roundTrip(Buffered, format, packed)).equals(Buffer.from(expected))).toBe(true);
    expect(Buffer.from(await roundTrip(Buffered, format, packed, 7)).equals(Buffer.from(expected))).toBe(true);
  }
});

test("data cut short or corrupt makes reading fail, as with the platform's stream (pdf.js then decodes it its own way)", async () => {
  const packed = deflateSync(text);
  const cut = packed.subarray(0, packed.length >> 1);
  const corrupt = Buffer.from(packed);
  corrupt.fill(0xff, 2, 6);
  for (const bad of [cut, corrupt]) {
    await expect(roundTrip(Platform, "deflate", bad)).rejects.toThrow();
    await expect(roundTrip(Buffered, "deflate", bad)).rejects.toThrow();
  }
});

test("a format it does not inflate itself is the platform's (or refused as the platform refuses it)", async () => {
  let platformError: unknown = null;
  try {
    new Platform("no-such-format" as Format);
  } catch (e) {
    platformError = e;
  }
  expect(platformError).toBeInstanceOf(TypeError);
  expect(() => new Buffered("no-such-format" as Format)).toThrow(TypeError);
  expect(() => new (bufferedDecompressionStream(undefined))("no-such-format" as Format)).toThrow(TypeError);
});

test("pdf.js reads every page of a sample the same with the buffered stream in place, and does inflate through it", async () => {
  const before = await readAll(sample("guidebook-tohoku-r6.pdf"));
  let used = 0;
  useBufferedInflate();
  const Installed = globalThis.DecompressionStream;
  expect(Installed).not.toBe(Platform);
  globalThis.DecompressionStream = class extends Installed {
    constructor(format: Format) {
      super(format);
      used++;
    }
  };
  const after = await readAll(sample("guidebook-tohoku-r6.pdf"));
  expect(used).toBeGreaterThan(0);
  expect(after).toEqual(before);
  expect(before.reduce((n, p) => n + p.runs.length, 0)).toBeGreaterThan(100);
});

test("putting it in place twice wraps the platform's class once", () => {
  useBufferedInflate();
  const first = globalThis.DecompressionStream;
  useBufferedInflate();
  expect(globalThis.DecompressionStream).toBe(first);
});
