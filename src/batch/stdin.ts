/**
 * Standard input as a PDF's bytes. A module of its own, without the PDF layer: `kohyo
 * extract`'s own thread saves stdin for its workers and never reads a page, so it does
 * not load pdf.js (some 0.2 s of CPU and 20-odd MB in that thread).
 */

/** Standard input, read once, whole (a second "-" on the command line gets the same bytes). */
let stdin: Promise<Uint8Array> | null = null;
export function stdinBytes(): Promise<Uint8Array> {
  stdin ??= (async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    const buf = Buffer.concat(chunks);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  })();
  return stdin;
}
