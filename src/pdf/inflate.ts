/**
 * A DecompressionStream that inflates its whole input with one zlib call when the input
 * is closed, for kohyo's own processes and threads (the CLI and its workers call
 * {@link useBufferedInflate}; the library never does it for its host).
 *
 * pdf.js 5 inflates every FlateDecode stream (each page's content streams, fonts) through
 * the platform's DecompressionStream. On Node that is a web stream piped through a zlib
 * stream: a dozen promise turns and stream adapters per content stream, which measured
 * an eighth of the time of reading the 640-page bench book. This one has the same
 * interface (a real ReadableStream and WritableStream, the same bytes out, the readable
 * errored when the data is corrupt or cut short, so pdf.js falls back to its own lenient
 * decoder exactly as before) but gives its output in one chunk at the end instead of
 * piece by piece — fine for pdf.js, which collects every chunk before it goes on, not
 * for a host streaming data larger than memory, hence opt-in. Formats other than
 * deflate, deflate-raw and gzip go to the platform's own class.
 */
import { gunzipSync, inflateRawSync, inflateSync, type ZlibOptions } from "node:zlib";
import { guard } from "./limits.js";

const INFLATE: Record<string, (data: Uint8Array, options: ZlibOptions) => Buffer> = { deflate: inflateSync, "deflate-raw": inflateRawSync, gzip: gunzipSync };

const BUFFERED = Symbol.for("kohyo.bufferedInflate");

type DecompressionStreamClass = typeof globalThis.DecompressionStream;
type Format = ConstructorParameters<DecompressionStreamClass>[0];

/** The buffered class over a platform class (the one formats it does not inflate go to). */
export function bufferedDecompressionStream(platform: DecompressionStreamClass | undefined): DecompressionStreamClass {
  class BufferedDecompressionStream {
    static readonly [BUFFERED] = true;
    readonly readable!: ReadableStream<Uint8Array>;
    readonly writable!: WritableStream<ArrayBufferView | ArrayBuffer>;

    constructor(format: Format) {
      const inflate = INFLATE[format];
      if (!inflate) {
        if (!platform) throw new TypeError(`Unsupported compression format: '${format}'`);
        return new platform(format) as BufferedDecompressionStream;
      }
      const chunks: Uint8Array[] = [];
      let settle!: { resolve: (data: Uint8Array) => void; reject: (e: unknown) => void };
      const output = new Promise<Uint8Array>((resolve, reject) => (settle = { resolve, reject }));
      output.catch(() => {}); // read (and reported) through the readable, if anyone reads it
      this.writable = new WritableStream<ArrayBufferView | ArrayBuffer>({
        write(chunk) {
          if (ArrayBuffer.isView(chunk)) chunks.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          else if (chunk instanceof ArrayBuffer) chunks.push(new Uint8Array(chunk));
          else throw new TypeError("The chunk must be an ArrayBuffer or an ArrayBufferView");
        },
        close() {
          try {
            // Never past the thread's budget for one stream (./limits.ts): a bomb errors here, and
            // pdf.js's own decoder, which it falls back to, stops at the same budget.
            const budget = guard();
            let out: Buffer;
            try {
              out = inflate(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), { maxOutputLength: budget.maxStreamBytes });
            } catch (e) {
              if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") budget.inflate(budget.maxStreamBytes + 1, 0); // spent: throws
              throw e;
            }
            budget.inflate(out.byteLength, 0);
            settle.resolve(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
          } catch (e) {
            settle.reject(e);
          }
        },
        abort(reason) {
          settle.reject(reason);
        },
      });
      this.readable = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const data = await output;
          if (data.byteLength > 0) controller.enqueue(data);
          controller.close();
        },
      });
    }
  }
  return BufferedDecompressionStream as unknown as DecompressionStreamClass;
}

/**
 * Puts the buffered DecompressionStream in place for this thread (once; each worker
 * thread has its own globals and calls it too).
 */
export function useBufferedInflate(): void {
  const current = globalThis.DecompressionStream as DecompressionStreamClass | undefined;
  if (current && BUFFERED in current) return;
  globalThis.DecompressionStream = bufferedDecompressionStream(current);
}
