/**
 * How kohyo runs its own process and threads. The CLI calls {@link setUpProcess} before
 * anything else and each worker thread {@link setUpThread}; a host that uses kohyo as a
 * library keeps its own settings (the bench's scripts call setUpProcess to run as the
 * CLI does).
 */
import { setFlagsFromString } from "node:v8";
import { useBufferedInflate } from "./pdf/inflate.js";
import { readWithoutCanvas } from "./pdf/no-canvas.js";

/**
 * How far V8 lets a heap grow past what its last full collection kept before collecting
 * again (its own choice goes up to 4×). A thread reading pages keeps 25–35 MB alive
 * (most of it pdf.js's and kohyo's code), but makes 7–8 MB of short-lived objects per
 * page; at 4× each heap idles at 100–180 MB. Measured on the 640-page bench book with 2
 * workers (young generation 16 MB, src/batch/pool.ts): V8's choice ~600 MB peak RSS at
 * ~100 pages/s; 80 % ~380 MB at ~94; 60 % ~365 MB at ~92; 40 % ~350 MB at ~83.
 */
const HEAP_GROWING_PERCENT = 60;

/** For every thread of kohyo's own that loads pdf.js: inflate in one call, no Skia. */
export function setUpThread(): void {
  useBufferedInflate();
  readWithoutCanvas();
}

/**
 * For kohyo's own process, before any worker starts: the thread's set-up, and the heap
 * growth above for every thread of the process (V8 reads the setting at each collection,
 * and it is one setting for the whole process).
 */
export function setUpProcess(): void {
  setUpThread();
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
