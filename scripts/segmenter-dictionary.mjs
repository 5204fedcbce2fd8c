#!/usr/bin/env node
/**
 * A step of `npm run build`: writes dist/segmenter/, the arrays of kuromoji's dictionary
 * that the target-group segmenter reads (src/normalize/segmenter.ts), already unpacked —
 * loading them is then a few file reads instead of a third of a second of gunzip and
 * trimming in every thread that segments — and dictionary.json naming the kuromoji files
 * they came from (size and gzip trailer). The segmenter uses them only while those files
 * are the installed ones; otherwise it unpacks the installed files itself.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const OUT = join(dirname(fileURLToPath(import.meta.url)), "../dist/segmenter");
const { DICTIONARY_FILES, DICTIONARY_SOURCES, sourceStamp, unpackDictionary } = await import("../dist/src/normalize/segmenter.js");

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const arrays = unpackDictionary();
for (const [key, file] of Object.entries(DICTIONARY_FILES)) {
  const a = arrays[key];
  writeFileSync(join(OUT, file), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}
// The record last: arrays without their record are never used.
const sources = Object.fromEntries(DICTIONARY_SOURCES.map((name) => [name, sourceStamp(name)]));
writeFileSync(join(OUT, "dictionary.json.tmp"), JSON.stringify({ from: "kuromoji/dict", sources }, null, 2) + "\n");
renameSync(join(OUT, "dictionary.json.tmp"), join(OUT, "dictionary.json"));
