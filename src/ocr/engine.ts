/**
 * The OCR engine: tesseract.js (Tesseract compiled to WebAssembly) with the Japanese model
 * of the @tesseract.js-data/jpn package, read from node_modules — nothing is fetched, and
 * nothing is cached to disk. Each engine thread holds one Tesseract (about 150 MB with the
 * Japanese model); {@link OcrEngine.recognise} calls queue for the next free one.
 *
 * Threads start on the first page that needs them and end with {@link OcrEngine.close}
 * (a process that never reads a scan never loads Tesseract).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** One word as Tesseract read it: its text, box in the picture's pixels, confidence 0–1. */
export interface OcrWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  confidence: number;
  /** Index of the line the engine put it on (words of a line in reading order). */
  line: number;
}

export interface RecogniseOptions {
  /** Tesseract's page segmentation mode: 6 a block of text, 7 one line, 11 sparse text. */
  psm?: number;
  /** Only these characters (e.g. digits for a second look at a number). */
  whitelist?: string;
  /** The picture's resolution (a PGM says none, and Tesseract's guess sizes its text wrongly). */
  dpi?: number;
}

/** Anything that reads words off a picture; the default is tesseract.js. */
export interface OcrEngine {
  /** The engine's name and model, for reports ("tesseract.js 7.0.0 jpn 4.0.0_best_int"). */
  readonly name: string;
  /** `image`: an encoded picture Leptonica reads (PGM, PNG …). */
  recognise(image: Uint8Array, options?: RecogniseOptions): Promise<OcrWord[]>;
  close(): Promise<void>;
}

/** Which Japanese model: the LSTM-only integer model (2 MB, the faster) or the full one (16 MB). */
export const JPN_MODEL = "4.0.0_best_int";

interface TessWorker {
  setParameters(p: Record<string, string>): Promise<unknown>;
  recognize(image: Uint8Array | Buffer, opts: object, output: object): Promise<{ data: { blocks: TessBlock[] | null } }>;
  terminate(): Promise<unknown>;
}
interface TessBlock {
  paragraphs: { lines: { words: { text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } }[] }[] }[];
}

/** tesseract.js with `threads` Tesseracts (each a worker thread of its own). */
/**
 * Leptonica's messages, printed from inside tesseract.js's threads straight to stderr (a
 * damaged scan: "Error in boxClipToRectangle: box outside rectangle"), which carries
 * kohyo's lines only. debug_file takes Tesseract's own; these are dropped here, in the
 * thread that starts the OCR threads (their stderr is piped through its own).
 */
const LEPTONICA = /^(?:Error|Warning) in \w+: [^\n]*\n?/gmu;
let quiet = false;
function quietLeptonica(): void {
  if (quiet) return;
  quiet = true;
  const write = process.stderr.write.bind(process.stderr) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    const kept = text.replace(LEPTONICA, "");
    if (kept === text) return write(chunk, ...rest);
    if (kept !== "") return write(kept, ...rest);
    const done = rest.find((r): r is () => void => typeof r === "function");
    if (done) process.nextTick(done);
    return true;
  }) as typeof process.stderr.write;
}

export function tesseractEngine(threads = 1): OcrEngine {
  const version = (require("tesseract.js/package.json") as { version: string }).version;
  const langPath = join(dirname(require.resolve("@tesseract.js-data/jpn/package.json")), JPN_MODEL);
  const idle: TessWorker[] = [];
  const waiting: ((w: TessWorker) => void)[] = [];
  let started = 0;
  let closed = false;
  const all: Promise<TessWorker>[] = [];

  const start = (): Promise<TessWorker> => {
    const { createWorker } = require("tesseract.js") as { createWorker: (lang: string, oem: number, opts: object) => Promise<TessWorker> };
    // OEM 1: the LSTM recogniser (the only one the best_int model has). No cache: the model
    // is read from the package every time a thread starts, never written anywhere.
    quietLeptonica();
    const w = createWorker("jpn", 1, { langPath, gzip: true, cacheMethod: "none", errorHandler: () => {} });
    all.push(w);
    return w;
  };

  const acquire = async (): Promise<TessWorker> => {
    const free = idle.pop();
    if (free) return free;
    if (started < threads) {
      started++;
      return start();
    }
    return new Promise((done) => waiting.push(done));
  };
  const release = (w: TessWorker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };

  return {
    name: `tesseract.js ${version} jpn ${JPN_MODEL}`,
    async recognise(image, options = {}) {
      if (closed) throw new Error("OCR engine used after close");
      const w = await acquire();
      try {
        await w.setParameters({
          tessedit_pageseg_mode: String(options.psm ?? 6),
          tessedit_char_whitelist: options.whitelist ?? "",
          preserve_interword_spaces: "1",
          user_defined_dpi: String(options.dpi ?? 300),
          // Tesseract's own messages ("Detected 45 diacritics") went to kohyo's stderr, which
          // carries kohyo's lines only.
          debug_file: "/dev/null",
        });
        const r = await w.recognize(image, {}, { blocks: true, text: false, hocr: false, tsv: false });
        const words: OcrWord[] = [];
        let line = 0;
        for (const b of r.data.blocks ?? [])
          for (const p of b.paragraphs)
            for (const l of p.lines) {
              for (const wd of l.words) {
                const text = wd.text.trim();
                if (text) words.push({ text, ...wd.bbox, confidence: Math.max(0, Math.min(1, wd.confidence / 100)), line });
              }
              line++;
            }
        return words;
      } finally {
        release(w);
      }
    },
    async close() {
      closed = true;
      const workers = await Promise.allSettled(all);
      await Promise.allSettled(workers.map((w) => (w.status === "fulfilled" ? w.value.terminate() : null)));
    },
  };
}
