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
 * page; at 4× each heap idles at 100–180 MB. With a 16 MB young generation per worker
 * (src/batch/pool.ts), measured on the 640-page bench book with 2 workers: V8's choice
 * ~600 MB peak RSS at ~100 pages/s; 80 % ~380 MB at ~94; 60 % ~365 MB at ~92; 40 % ~350
 * MB at ~83. The workers' young generation is now 32 MB, where most of that garbage dies
 * without ever reaching the old generation, so the old one can grow less. Side by side
 * with 16 MB and 60 %, 6 runs each, 35 % gave 3 % less wall time on the 640-page book
 * and 8 % less on the mixed book, but peaks up to 382 and 395 MB; 30 % and 25 % took the
 * same time (5 runs each), with peaks of 329–352 MB and 360–380 MB at 30 %, 332–347 and
 * 358–373 at 25 %.
 */
const HEAP_GROWING_PERCENT = 30;

/**
 * How eagerly V8's optimising compiler works. It compiles on background threads, but on
 * two cores those threads take turns with the page readers: with 2 workers on the
 * 640-page bench book, compiling was about a fifth of all CPU time (`perf`), each worker
 * compiling the same pdf.js code, and much of it again after deoptimisations. Half the
 * inlining budget per function (V8's default: 920 bytes of bytecode) and twice the
 * interrupt budget (a function must run twice as long before it is optimised; default
 * 67,584) compile less and smaller code. Measured side by side, 8 runs each: 640-page
 * book with 2 workers 4.8 % less wall time (6.4 % less CPU), the mixed book 7 % less; with
 * 1 worker, where the compiler has a core to itself, no clear difference.
 */
const COMPILER_FLAGS = ["--max-inlined-bytecode-size-cumulative=460", "--interrupt-budget=135000"];

/** For every thread of kohyo's own that loads pdf.js: inflate in one call, no Skia. */
export function setUpThread(): void {
  useBufferedInflate();
  readWithoutCanvas();
}

/**
 * For kohyo's own process, before any worker starts: the thread's set-up, and the heap
 * growth and compiler settings above for every thread of the process (V8 reads them at
 * each collection and each compilation, and they are one setting for the whole process).
 */
export function setUpProcess(): void {
  setUpThread();
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  for (const flag of COMPILER_FLAGS) setFlagsFromString(flag);
}
