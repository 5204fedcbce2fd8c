/**
 * Word boundaries of Japanese text by kuromoji, loaded lean: the same IPADIC dictionary
 * (the files in the kuromoji package) and the same lattice and Viterbi search (kuromoji's
 * own ViterbiBuilder and ViterbiSearcher), so the words are the ones kuromoji's tokenizer
 * gives — but without the parts of speech, readings and base forms, which is what most of
 * its memory is for.
 *
 * kuromoji's full tokenizer (./targetGroups.ts loadTokenizer) holds ~310 MB once loaded:
 * the feature strings (40 MB unpacked), zero padding in its files (32 MB), every buffer
 * twice while loading, and the word map as a JavaScript object of 326,000 arrays (70 MB
 * of heap). Here the feature strings are not read, the padding is cut, and the word map
 * stays the packed array it is stored as, with an index: ~30 MB in all, unpacked in about
 * a tenth of a second — or read in 40 ms, and with 14 MB less resident, from the copy
 * `npm run build` unpacks into dist/segmenter. Each thread that segments loads it once.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { builtDir } from "../built.js";

const KUROMOJI = createRequire(import.meta.url).resolve("kuromoji/package.json");
const DICT = join(dirname(KUROMOJI), "dict");
/** kuromoji's own modules (internal, but the package is at a fixed version: 0.1.2). */
const fromKuromoji = createRequire(KUROMOJI);

interface CharacterClass {
  class_id: number;
  class_name: string;
  is_always_invoke: number;
  is_grouping: number;
}
interface ByteBuffer {
  getShort(index: number): number;
}
interface Lattice {
  append(node: unknown): void;
  appendEos(): void;
}
interface ViterbiNode {
  surface_form: string;
}
interface KuromojiParts {
  ByteBuffer: new (bytes: Uint8Array) => ByteBuffer;
  ConnectionCosts: new (forward: number, backward: number) => { loadConnectionCosts(costs: Int16Array): void };
  CharacterDefinition: { load(catMap: Uint8Array, compat: Uint32Array, invoke: Uint8Array): { lookup(ch: string): CharacterClass } };
  ViterbiLattice: new () => Lattice;
  ViterbiNode: new (name: number, cost: number, start: number, length: number, type: string, left: number, right: number, surface: string) => ViterbiNode;
  ViterbiSearcher: new (costs: unknown) => { search(lattice: Lattice): ViterbiNode[] };
  Tokenizer: { splitByPunctuation(text: string): string[] };
}

function parts(): KuromojiParts {
  return {
    ByteBuffer: fromKuromoji("./src/util/ByteBuffer.js"),
    ConnectionCosts: fromKuromoji("./src/dict/ConnectionCosts.js"),
    CharacterDefinition: fromKuromoji("./src/dict/CharacterDefinition.js"),
    ViterbiLattice: fromKuromoji("./src/viterbi/ViterbiLattice.js"),
    ViterbiNode: fromKuromoji("./src/viterbi/ViterbiNode.js"),
    ViterbiSearcher: fromKuromoji("./src/viterbi/ViterbiSearcher.js"),
    Tokenizer: fromKuromoji("./src/Tokenizer.js"),
  };
}

/**
 * A dictionary file unpacked. With `trim`, the zero padding the dictionary builder left at
 * the end is cut (keeping whole 4-byte words and a margin, so no entry is shortened).
 */
function unpack(name: string, trim = false): Uint8Array {
  const packed = readFileSync(join(DICT, name));
  // Inflated into one buffer of the size the gzip trailer states (ISIZE), not grown in
  // pieces and joined: the pieces would be freed into the heap of the C allocator, which
  // keeps them (measured: ~20 MB more resident for this thread).
  const size = packed.readUInt32LE(packed.length - 4);
  const raw = gunzipSync(packed, { chunkSize: Math.max(64 * 1024, size + 1) });
  let end = raw.length;
  if (trim) {
    while (end > 0 && raw[end - 1] === 0) end--;
    end = Math.min(raw.length, (Math.ceil(end / 4) + 4) * 4);
  }
  if (end === raw.length && raw.byteOffset % 4 === 0) return raw;
  // A fresh, aligned copy of just the bytes used, so the unpacked buffer can be dropped.
  const out = new Uint8Array(end);
  out.set(raw.subarray(0, end));
  return out;
}

const int32 = (b: Uint8Array) => new Int32Array(b.buffer, b.byteOffset, b.byteLength >> 2);
const uint32 = (b: Uint8Array) => new Uint32Array(b.buffer, b.byteOffset, b.byteLength >> 2);

/**
 * kuromoji's word map (trie id → word entries) without unpacking it into objects: the
 * stored array [count, (key, n, entry × n)…] and, per key, where its entries start.
 */
class WordMap {
  private readonly at: Int32Array;

  constructor(private readonly stored: Int32Array) {
    let maxKey = 0;
    for (let i = 1; i + 1 < stored.length; i += 2 + stored[i + 1]!) maxKey = Math.max(maxKey, stored[i]!);
    this.at = new Int32Array(maxKey + 1);
    for (let i = 1; i + 1 < stored.length; i += 2 + stored[i + 1]!) if (stored[i + 1]! > 0) this.at[stored[i]!] = i + 1;
  }

  /** Where the entries of `key` start in `stored` (after their count); read `count(key)` of them. */
  first(key: number): number {
    return key >= 0 && key < this.at.length ? this.at[key]! + 1 : 0;
  }

  count(key: number): number {
    return key >= 0 && key < this.at.length && this.at[key]! > 0 ? this.stored[this.at[key]!]! : 0;
  }

  entry(at: number): number {
    return this.stored[at]!;
  }
}

/** A word dictionary: entries (left id, right id, cost at entry, entry + 2, entry + 4) and the map to them. */
interface Words {
  entries: ByteBuffer;
  map: WordMap;
}

/** Splits text into words (surface forms), as kuromoji's tokenizer does. */
export interface Segmenter {
  /** The words of `text`, in order; joined they give the text back. */
  segment(text: string): string[];
}

let loaded: Segmenter | undefined;

/**
 * The double array without its unused tail: the builder grew it by doubling (2,097,152
 * cells for IPADIC's 1,355,501), and a cell past the end reads as an unused one does
 * (base 1 − i, check −i − 1; see `child` in loadSegmenter), so those cells can go.
 */
function trimTrie(base: Int32Array, check: Int32Array): [Int32Array, Int32Array] {
  let n = Math.min(base.length, check.length);
  while (n > 0 && base[n - 1] === 2 - n && check[n - 1] === -n) n--;
  return n === base.length && n === check.length ? [base, check] : [base.slice(0, n), check.slice(0, n)];
}

/** The large arrays of the dictionary, as the segmenter reads them. */
export interface DictionaryArrays {
  /** The double-array trie, its unused tail cut (see trimTrie). */
  base: Int32Array;
  check: Int32Array;
  /** Word entries, and the word map (trie id → entries). */
  tid: Uint8Array;
  tidMap: Int32Array;
  /** Connection costs. */
  cc: Int16Array;
}

/** kuromoji's files the arrays come from. */
export const DICTIONARY_SOURCES = ["base.dat.gz", "check.dat.gz", "tid.dat.gz", "tid_map.dat.gz", "cc.dat.gz"] as const;

/** The arrays unpacked from kuromoji's files (about a third of a second). */
export function unpackDictionary(): DictionaryArrays {
  const [base, check] = trimTrie(int32(unpack("base.dat.gz")), int32(unpack("check.dat.gz")));
  const cc = unpack("cc.dat.gz");
  return { base, check, tid: unpack("tid.dat.gz", true), tidMap: int32(unpack("tid_map.dat.gz", true)), cc: new Int16Array(cc.buffer, cc.byteOffset, cc.byteLength >> 1) };
}

/**
 * What identifies one of kuromoji's files without reading it whole: its size and its
 * gzip trailer (the CRC-32 and length of what it unpacks to).
 */
export function sourceStamp(name: string): string {
  const fd = openSync(join(DICT, name), "r");
  try {
    const size = fstatSync(fd).size;
    const trailer = Buffer.alloc(8);
    readSync(fd, trailer, 0, 8, Math.max(0, size - 8));
    return `${size}:${trailer.toString("hex")}`;
  } finally {
    closeSync(fd);
  }
}

/** Each array's file in the build's copy (dist/segmenter), written by scripts/segmenter-dictionary.mjs. */
export const DICTIONARY_FILES: Record<keyof DictionaryArrays, string> = { base: "base.i32", check: "check.i32", tid: "tid.u8", tidMap: "tid_map.i32", cc: "cc.i16" };

/**
 * The arrays: read from the build's copy, already unpacked (dist/segmenter), when it was
 * made from the installed kuromoji's files; else unpacked now.
 */
function dictionary(): DictionaryArrays {
  const dir = builtDir("segmenter");
  if (!dir || !existsSync(join(dir, "dictionary.json"))) return unpackDictionary();
  const { sources } = JSON.parse(readFileSync(join(dir, "dictionary.json"), "utf8")) as { sources?: Record<string, string> };
  if (!DICTIONARY_SOURCES.every((name) => sources?.[name] === sourceStamp(name))) return unpackDictionary();
  const read = (key: keyof DictionaryArrays): Uint8Array => {
    const b = readFileSync(join(dir, DICTIONARY_FILES[key]));
    return b.byteOffset % 4 === 0 ? b : new Uint8Array(b);
  };
  const cc = read("cc");
  return { base: int32(read("base")), check: int32(read("check")), tid: read("tid"), tidMap: int32(read("tidMap")), cc: new Int16Array(cc.buffer, cc.byteOffset, cc.byteLength >> 1) };
}

/** Byte `b` (0-based) of the `bytes`-byte UTF-8 encoding of code point `cp`. */
function utf8Byte(cp: number, bytes: number, b: number): number {
  const shift = 6 * (bytes - 1 - b);
  if (b > 0) return 0x80 | ((cp >>> shift) & 0x3f);
  return bytes === 1 ? cp : ((0xf00 >>> bytes) & 0xff) | (cp >>> shift);
}

const isHighSurrogate = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLowSurrogate = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/**
 * The lean kuromoji segmenter of this thread (loaded on first use, then shared).
 *
 * @example loadSegmenter().segment("若者の就労支援") // ["若者", "の", "就労", "支援"]
 */
export function loadSegmenter(): Segmenter {
  if (loaded) return loaded;
  const k = parts();
  const { base, check, tid, tidMap, cc } = dictionary();
  const known: Words = { entries: new k.ByteBuffer(tid), map: new WordMap(tidMap) };
  const costs = new k.ConnectionCosts(0, 0);
  costs.loadConnectionCosts(cc);
  const characters = k.CharacterDefinition.load(unpack("unk_char.dat.gz"), uint32(unpack("unk_compat.dat.gz")), unpack("unk_invoke.dat.gz", true));
  const unknown: Words = { entries: new k.ByteBuffer(unpack("unk.dat.gz", true)), map: new WordMap(int32(unpack("unk_map.dat.gz", true))) };
  const searcher = new k.ViterbiSearcher(costs);

  /** The double-array trie's child of `node` by byte `code`, or -1 (as doublearray's traverse, out-of-range cells included). */
  const child = (node: number, code: number): number => {
    const next = (node < base.length ? base[node]! : 1 - node) + code;
    return next >= 0 && next < check.length && check[next] === node ? next : -1;
  };

  /** Appends a node for each entry of `key` in a dictionary. */
  const append = (lattice: Lattice, words: Words, key: number, start: number, length: number, type: string, surface: string) => {
    for (let at = words.map.first(key), end = at + words.map.count(key); at < end; at++) {
      const id = words.map.entry(at);
      lattice.append(new k.ViterbiNode(id, words.entries.getShort(id + 4), start, length, type, words.entries.getShort(id), words.entries.getShort(id + 2), surface));
    }
  };

  /**
   * The word lattice of a sentence, as kuromoji's ViterbiBuilder makes it (positions and
   * lengths counted as it counts them), but the dictionary words starting at each
   * character are found by walking the trie over the sentence's UTF-8 bytes from there
   * until no word continues — where the builder encodes the whole rest of the sentence
   * at every character — and each character's class is looked up once.
   */
  const build = (sentence: string): Lattice => {
    const lattice = new k.ViterbiLattice();
    // Code points (kuromoji's positions): where each starts, its text and its class.
    const starts: number[] = [];
    for (let i = 0; i < sentence.length; i++) {
      starts.push(i);
      if (isHighSurrogate(sentence.charCodeAt(i))) i++;
    }
    starts.push(sentence.length);
    const n = starts.length - 1;
    const chars = starts.slice(0, n).map((s, p) => sentence.slice(s, starts[p + 1]));
    const classes = chars.map((c) => characters.lookup(c));
    for (let pos = 0; pos < n; pos++) {
      let found = 0;
      let node = 0;
      walk: for (let q = pos; q < n; q++) {
        const unit = sentence.charCodeAt(starts[q]!);
        let cp = unit;
        if (isHighSurrogate(unit)) {
          const low = sentence.charCodeAt(starts[q]! + 1);
          if (!isLowSurrogate(low)) break; // kuromoji cannot encode it; no word has it
          cp = (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        }
        const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        for (let b = 0; b < bytes; b++) {
          node = child(node, utf8Byte(cp, bytes, b));
          if (node < 0) break walk;
        }
        const leaf = child(node, 0);
        if (leaf < 0) continue;
        const record = leaf < base.length ? base[leaf]! : 1 - leaf;
        if (record > 0) continue;
        found++;
        const word = sentence.slice(starts[pos], starts[q + 1]);
        append(lattice, known, -record - 1, pos + 1, word.length, "KNOWN", word);
      }
      const head = classes[pos]!;
      if (found === 0 || head.is_always_invoke === 1) {
        // An unknown word: the character, or with a grouping class the run of characters of its class.
        let word = chars[pos]!;
        let q = pos + 1;
        if (head.is_grouping === 1) for (; q < n && classes[q]!.class_name === head.class_name; q++) word += chars[q];
        append(lattice, unknown, head.class_id, pos + 1, q > pos + 1 ? word.length : 1, "UNKNOWN", word);
      }
    }
    lattice.appendEos();
    return lattice;
  };

  loaded = {
    segment(text: string): string[] {
      const out: string[] = [];
      for (const sentence of k.Tokenizer.splitByPunctuation(text)) {
        for (const node of searcher.search(build(sentence))) out.push(node.surface_form);
      }
      return out;
    },
  };
  return loaded;
}
