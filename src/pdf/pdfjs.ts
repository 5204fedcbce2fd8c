/**
 * pdf.js, loaded once for the process: the legacy build (the one that runs on Node 20)
 * and its worker module, run in this thread.
 *
 * The legacy build bundles core-js, which on Node 20 replaces some built-ins for the
 * whole process with JavaScript versions: Array.prototype.push (because of a V8 corner
 * case with non-writable lengths), JSON.parse and JSON.stringify. Every push in kohyo and
 * every JSON file it writes would then run through them (a fifth of the time of reading a
 * page, and stringifying a large records.json several times slower, with more garbage).
 * pdf.js needs none of what they add, so the engine's own versions are put back once
 * both modules are loaded.
 *
 * Where the engine has no Uint8Array.prototype.toBase64 (Node 20 and 22), the polyfills
 * also add one that builds its text four characters at a time. pdf.js encodes every
 * embedded font with it when it loads the font (see src/pdf/load.ts FONTLESS_DOCUMENT):
 * 0.9 s and 325 MB for a fully embedded Japanese font of 16 MB. It is replaced by one on
 * Node's Buffer (same result).
 *
 * Everything of pdf.js that kohyo uses at run time comes from here, never from
 * "pdfjs-dist" directly, so the built-ins are put back before any page is read.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { builtDir } from "../built.js";
import { LATEST_LOOP } from "./pdfjsPatch.js";
import { restoreResponse } from "./no-fetch.js";

const builtins = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
const engineToBase64 = (Uint8Array.prototype as { toBase64?: unknown }).toBase64;

const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
// Loaded here so that pdf.js finds it (globalThis.pdfjsWorker) instead of importing it on
// the first document, after the built-ins were put back.
const { worker, patched } = await loadWorker();
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
// Node's own Response back, if kohyo's thread set-up stood one in while pdf.js loaded (./no-fetch.ts).
restoreResponse();

/** Whether pdf.js's worker code runs with kohyo's changes (./pdfjsPatch.ts) or as shipped. */
export const workerPatched: boolean = patched;

/**
 * Lets go of the content-stream loop that change 3 of ./pdfjsPatch.ts keeps (and with it
 * what the last stream read refers to: its document). Called when a document is closed;
 * the next stream read keeps its own.
 */
export function releaseLatestLoop(): void {
  const handler = worker.WorkerMessageHandler as Record<string, unknown>;
  if (LATEST_LOOP in handler) delete handler[LATEST_LOOP];
}

type WorkerModule = typeof import("pdfjs-dist/legacy/build/pdf.worker.mjs");

/**
 * pdf.js's worker module: the build's copy with the changes of ./pdfjsPatch.ts when there
 * is one made from the installed module (scripts/pdfjs-worker.mjs), else as shipped; as
 * shipped too with KOHYO_PDFJS_AS_SHIPPED=1.
 */
async function loadWorker(): Promise<{ worker: WorkerModule; patched: boolean }> {
  const copy = process.env["KOHYO_PDFJS_AS_SHIPPED"] === "1" ? null : patchedCopy();
  if (copy) return { worker: (await import(pathToFileURL(copy).href)) as WorkerModule, patched: true };
  return { worker: await import("pdfjs-dist/legacy/build/pdf.worker.mjs"), patched: false };
}

/** The build's changed copy of pdf.js's worker module (dist/pdfjs), if it was made from the installed module. */
function patchedCopy(): string | null {
  const dir = builtDir("pdfjs");
  if (!dir || !existsSync(join(dir, "pdf.worker.json"))) return null;
  const { sha256 } = JSON.parse(readFileSync(join(dir, "pdf.worker.json"), "utf8")) as { sha256?: unknown };
  const shipped = readFileSync(createRequire(import.meta.url).resolve("pdfjs-dist/legacy/build/pdf.worker.mjs"));
  return createHash("sha256").update(shipped).digest("hex") === sha256 ? join(dir, "pdf.worker.mjs") : null;
}

/** Puts the engine's own built-ins back where a polyfill replaced them; returns the names put back. */
export function restoreBuiltins(): string[] {
  const restored: string[] = [];
  if (Array.prototype.push !== builtins.push) {
    Object.defineProperty(Array.prototype, "push", { value: builtins.push, writable: true, configurable: true, enumerable: false });
    restored.push("Array.prototype.push");
  }
  for (const name of ["parse", "stringify"] as const) {
    if (JSON[name] !== builtins[name]) {
      Object.defineProperty(JSON, name, { value: builtins[name], writable: true, configurable: true, enumerable: false });
      restored.push(`JSON.${name}`);
    }
  }
  const proto = Uint8Array.prototype as { toBase64?: unknown };
  if (engineToBase64 === undefined && proto.toBase64 !== undefined && proto.toBase64 !== toBase64) {
    Object.defineProperty(Uint8Array.prototype, "toBase64", { value: toBase64, writable: true, configurable: true, enumerable: false });
    restored.push("Uint8Array.prototype.toBase64");
  }
  return restored;
}

/**
 * Uint8Array.prototype.toBase64 ({ alphabet: "base64" | "base64url", omitPadding }) as
 * the proposal (and the polyfill it replaces) defines it, encoded by Buffer.
 */
function toBase64(this: Uint8Array, options?: { alphabet?: unknown; omitPadding?: unknown }): string {
  if (!(this instanceof Uint8Array)) throw new TypeError("toBase64: not a Uint8Array");
  if (options !== undefined && (options === null || typeof options !== "object")) throw new TypeError("toBase64: options must be an object");
  const alphabet = options?.alphabet ?? "base64";
  if (alphabet !== "base64" && alphabet !== "base64url") throw new TypeError("toBase64: alphabet must be base64 or base64url");
  if ((this.buffer as ArrayBuffer & { detached?: boolean }).detached === true) throw new TypeError("toBase64: detached buffer");
  const text = Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString(alphabet);
  const omit = Boolean(options?.omitPadding);
  // Buffer pads "base64" and never "base64url".
  if (alphabet === "base64") return omit ? text.replace(/=+$/, "") : text;
  return omit ? text : text + "=".repeat((4 - (text.length % 4)) % 4);
}
restoreBuiltins();

export const { getDocument, OPS, VerbosityLevel } = pdfjs;

type Listener = (event: { data: unknown }) => void;

/**
 * One end of the in-thread channel between pdf.js's document API and its worker code.
 * pdf.js's own in-thread channel (its "fake worker") deep-copies every message with
 * structuredClone, as a real worker boundary would, and that copy is a fifth of the time
 * of reading a page: the operator lists (every drawing command of a page with its
 * arguments) are most of what crosses. Here those chunks cross as shallow copies of their
 * two arrays — the sender empties the arrays right after posting, and nothing mutates
 * the argument arrays once sent; every other message is cloned as before. Messages are
 * delivered in order, each in a microtask of its own, as pdf.js's channel does.
 */
class DirectPort {
  peer: DirectPort | null = null;
  private readonly listeners = new Set<Listener>();

  postMessage(message: unknown, transfer?: unknown[]): void {
    const data = operatorChunk(message) ?? structuredClone(message, transfer ? ({ transfer } as Parameters<typeof structuredClone>[1]) : undefined);
    const peer = this.peer;
    void Promise.resolve().then(() => {
      for (const listener of peer?.listeners ?? []) listener.call(peer, { data });
    });
  }

  /** pdf.js removes its listeners by aborting the signal it registered them with. */
  addEventListener(type: string, listener: Listener, options?: { signal?: AbortSignal }): void {
    if (type !== "message") return;
    const signal = options?.signal;
    if (signal?.aborted) return;
    this.listeners.add(listener);
    signal?.addEventListener("abort", () => this.listeners.delete(listener), { once: true });
  }

  removeEventListener(type: string, listener: Listener): void {
    if (type === "message") this.listeners.delete(listener);
  }

  terminate(): void {
    this.listeners.clear();
  }
}

/** A stream message carrying a chunk of an operator list, with the chunk's arrays copied; else null. */
function operatorChunk(message: unknown): unknown {
  const chunk = (message as { chunk?: { fnArray?: unknown; argsArray?: unknown; length?: unknown } } | null)?.chunk;
  if (!chunk || !Array.isArray(chunk.fnArray) || !Array.isArray(chunk.argsArray)) return null;
  return { ...(message as object), chunk: { ...chunk, fnArray: chunk.fnArray.slice(), argsArray: chunk.argsArray.slice() } };
}

let shared: InstanceType<typeof pdfjs.PDFWorker> | null = null;

/** The process's pdf.js worker (its code running in this thread), shared by every document. */
export function pdfWorker(): InstanceType<typeof pdfjs.PDFWorker> {
  if (shared && !shared.destroyed) return shared;
  const api = new DirectPort();
  const side = new DirectPort();
  api.peer = side;
  side.peer = api;
  (worker.WorkerMessageHandler as { initializeFromPort(port: unknown): void }).initializeFromPort(side);
  shared = new pdfjs.PDFWorker({ port: api as never, verbosity: pdfjs.VerbosityLevel.ERRORS });
  return shared;
}
