/**
 * The segmenter's dictionary as the build writes it unpacked (dist/segmenter, by
 * scripts/segmenter-dictionary.mjs): the same bytes as unpacking kuromoji's files, and
 * tied to the installed files.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { DICTIONARY_FILES, DICTIONARY_SOURCES, type DictionaryArrays, sourceStamp, unpackDictionary } from "../../src/normalize/segmenter.js";
import { ROOT } from "../helpers.js";

const DIR = join(ROOT, "dist/segmenter");
const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

test("each unpacked array the build wrote is byte for byte what unpacking kuromoji's files gives", () => {
  const unpacked = unpackDictionary();
  for (const [key, file] of Object.entries(DICTIONARY_FILES) as [keyof DictionaryArrays, string][]) {
    const written = readFileSync(join(DIR, file));
    expect(written.length, file).toBe(unpacked[key].byteLength);
    expect(written.equals(bytes(unpacked[key])), file).toBe(true);
  }
  // The trie's unused tail is cut (2,097,152 cells as stored).
  expect(unpacked.base.length).toBeLessThan(2_097_152);
  expect(unpacked.base.length).toBe(unpacked.check.length);
});

test("the build's record names the installed kuromoji files by size and gzip trailer", () => {
  const { sources } = JSON.parse(readFileSync(join(DIR, "dictionary.json"), "utf8")) as { sources: Record<string, string> };
  expect(Object.keys(sources).sort()).toEqual([...DICTIONARY_SOURCES].sort());
  for (const name of DICTIONARY_SOURCES) expect(sources[name]).toBe(sourceStamp(name));
  // size:CRC-32 and unpacked length, little-endian: base.dat is 8 MiB unpacked.
  expect(sources["base.dat.gz"]).toMatch(/^\d+:[0-9a-f]{8}00008000$/);
});
