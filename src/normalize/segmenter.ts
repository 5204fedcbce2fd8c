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
 * stays the packed array it is stored as, with an index: ~30 MB in all, loaded in about a
 * tenth of a second. Each thread that segments loads it once.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";

const KUROMOJI = createRequire(import.meta.url).resolve("kuromoji/package.json");
const DICT = join(dirname(KUROMOJI), "dict");
/** kuromoji's own modules (internal, but the package is at a fixed version: 0.1.2). */
const fromKuromoji = createRequire(KUROMOJI);

/**
 * More characters than the longest word of the dictionary has (26: ラテン・アメリカ・スモーラー・
 * カンパニーズ・ファンド; test/normalize/segmenter.test.ts reads them all to keep this true).
 */
export const LONGEST_WORD = 32;

interface Trie {
  commonPrefixSearch(text: string): { k: string; v: number }[];
}
interface ViterbiNode {
  surface_form: string;
}
interface KuromojiParts {
  doublearray: { load(base: Int32Array, check: Int32Array): unknown };
  ByteBuffer: new (bytes: Uint8Array) => unknown;
  ConnectionCosts: new (forward: number, backward: number) => { loadConnectionCosts(costs: Int16Array): void };
  CharacterDefinition: { load(catMap: Uint8Array, compat: Uint32Array, invoke: Uint8Array): { lookup(ch: string): unknown } };
  ViterbiBuilder: new (dic: unknown) => { build(sentence: string): unknown };
  ViterbiSearcher: new (costs: unknown) => { search(lattice: unknown): ViterbiNode[] };
  Tokenizer: { splitByPunctuation(text: string): string[] };
}

function parts(): KuromojiParts {
  return {
    doublearray: fromKuromoji("doublearray"),
    ByteBuffer: fromKuromoji("./src/util/ByteBuffer.js"),
    ConnectionCosts: fromKuromoji("./src/dict/ConnectionCosts.js"),
    CharacterDefinition: fromKuromoji("./src/dict/CharacterDefinition.js"),
    ViterbiBuilder: fromKuromoji("./src/viterbi/ViterbiBuilder.js"),
    ViterbiSearcher: fromKuromoji("./src/viterbi/ViterbiSearcher.js"),
    Tokenizer: fromKuromoji("./src/Tokenizer.js"),
  };
}

/**
 * A dictionary file unpacked. With `trim`, the zero padding the dictionary builder left at
 * the end is cut (keeping whole 4-byte words and a margin, so no entry is shortened).
 */
function unpack(name: string, trim = false): Uint8Array {
  const raw = gunzipSync(readFileSync(join(DICT, name)));
  let end = raw.length;
  if (trim) {
    while (end > 0 && raw[end - 1] === 0) end--;
    end = Math.min(raw.length, (Math.ceil(end / 4) + 4) * 4);
  }
  // A fresh, aligned copy of just the bytes used, so the unpacked buffer can be dropped.
  const out = new Uint8Array(end);
  out.set(raw.subarray(0, end));
  return out;
}

const int32 = (b: Uint8Array) => new Int32Array(b.buffer, b.byteOffset, b.byteLength >> 2);

/**
 * kuromoji's word map (trie id → word entries) without unpacking it into objects: the
 * stored array [count, (key, n, entry × n)…] and, per key, where its entries start. The
 * Viterbi builder reads it as `map[trieId]`, so it is offered through a Proxy.
 */
function wordMap(stored: Int32Array): Record<number, ArrayLike<number> | undefined> {
  let maxKey = 0;
  for (let i = 1; i + 1 < stored.length; i += 2 + stored[i + 1]!) maxKey = Math.max(maxKey, stored[i]!);
  const at = new Int32Array(maxKey + 1);
  for (let i = 1; i + 1 < stored.length; i += 2 + stored[i + 1]!) if (stored[i + 1]! > 0) at[stored[i]!] = i + 1;
  return new Proxy({} as Record<number, ArrayLike<number> | undefined>, {
    get(_, key) {
      const k = typeof key === "string" ? Number(key) : NaN;
      const i = k >= 0 && k <= maxKey ? at[k]! : 0;
      return i === 0 ? undefined : stored.subarray(i + 1, i + 1 + stored[i]!);
    },
  });
}

/** Splits text into words (surface forms), as kuromoji's tokenizer does. */
export interface Segmenter {
  /** The words of `text`, in order; joined they give the text back. */
  segment(text: string): string[];
}

let loaded: Segmenter | undefined;

/**
 * The lean kuromoji segmenter of this thread (loaded on first use, then shared).
 *
 * @example loadSegmenter().segment("若者の就労支援") // ["若者", "の", "就労", "支援"]
 */
export function loadSegmenter(): Segmenter {
  if (loaded) return loaded;
  const k = parts();
  const stored = k.doublearray.load(int32(unpack("base.dat.gz")), int32(unpack("check.dat.gz"))) as Trie;
  // The builder looks up the whole rest of the sentence at every character (and turns it
  // into UTF-8 each time); no word is longer than LONGEST_WORD, so the rest is cut there.
  const trie: Trie = { commonPrefixSearch: (tail) => stored.commonPrefixSearch(tail.length > LONGEST_WORD ? tail.slice(0, LONGEST_WORD) : tail) };
  const words = { dictionary: new k.ByteBuffer(unpack("tid.dat.gz", true)), target_map: wordMap(int32(unpack("tid_map.dat.gz", true))) };
  const costs = new k.ConnectionCosts(0, 0);
  const cc = unpack("cc.dat.gz");
  costs.loadConnectionCosts(new Int16Array(cc.buffer, cc.byteOffset, cc.byteLength >> 1));
  const characters = k.CharacterDefinition.load(
    unpack("unk_char.dat.gz"),
    new Uint32Array(unpack("unk_compat.dat.gz").buffer),
    unpack("unk_invoke.dat.gz", true),
  );
  const unknown = {
    dictionary: new k.ByteBuffer(unpack("unk.dat.gz", true)),
    target_map: wordMap(int32(unpack("unk_map.dat.gz", true))),
    lookup: (ch: string) => characters.lookup(ch),
  };
  const builder = new k.ViterbiBuilder({ trie, token_info_dictionary: words, unknown_dictionary: unknown });
  const searcher = new k.ViterbiSearcher(costs);
  loaded = {
    segment(text: string): string[] {
      const out: string[] = [];
      for (const sentence of k.Tokenizer.splitByPunctuation(text)) {
        for (const node of searcher.search(builder.build(sentence))) out.push(node.surface_form);
      }
      return out;
    },
  };
  return loaded;
}
