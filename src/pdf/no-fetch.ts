/**
 * pdf.js without Node's fetch, for kohyo's own processes and threads (the CLI and its
 * workers call {@link deferResponse} before pdf.js loads, through src/runtime.ts
 * setUpThread; ./pdfjs.ts calls {@link restoreResponse} once it is loaded; the library
 * never does it for its host).
 *
 * pdf.js's Node build, as it loads, adds `bytes()` to `Response.prototype` when it is
 * missing (Node 20). Node makes `Response` — with fetch, Headers and the rest of undici —
 * the first time the global is read: some 40–160 ms of CPU in every thread that loads
 * pdf.js (profiles of `kohyo extract`'s workers on corpus 26), for a class kohyo never
 * uses (it hands pdf.js bytes, never a URL). So while pdf.js loads, `Response` is a
 * stand-in that already has `bytes`; Node's own lazy global is put back right after, and
 * makes the real one when something first asks for it.
 */

const STASHED = Symbol.for("kohyo.deferredResponse");

type Stash = { [STASHED]?: PropertyDescriptor };

/** A class with the method pdf.js looks for, standing in for Response while pdf.js loads. */
class ResponseStandIn {
  async bytes(): Promise<Uint8Array> {
    throw new TypeError("kohyo: Response is not available while pdf.js loads");
  }
}

/** From now on until restoreResponse, `Response` in this thread is the stand-in — when Node has not made the real one yet. */
export function deferResponse(): void {
  const g = globalThis as Stash;
  if (g[STASHED]) return;
  const own = Object.getOwnPropertyDescriptor(globalThis, "Response");
  // Only Node's lazy accessor is deferred: a Response already made (or a host's own) stays.
  if (!own?.get || !own.configurable) return;
  g[STASHED] = own;
  Object.defineProperty(globalThis, "Response", { value: ResponseStandIn, writable: true, configurable: true, enumerable: false });
}

/** Puts Node's own `Response` accessor back, if deferResponse replaced it. */
export function restoreResponse(): void {
  const g = globalThis as Stash;
  const own = g[STASHED];
  if (!own) return;
  delete g[STASHED];
  Object.defineProperty(globalThis, "Response", own);
}
