/**
 * How kohyo runs its own process and threads. The CLI calls {@link setUpProcess} before
 * anything else and each worker thread {@link setUpThread}; a host that uses kohyo as a
 * library keeps its own settings (the bench's scripts call setUpProcess to run as the
 * CLI does).
 */
import { setFlagsFromString } from "node:v8";
import { useBufferedInflate } from "./pdf/inflate.js";
import { readWithoutCanvas } from "./pdf/no-canvas.js";
import { deferResponse } from "./pdf/no-fetch.js";

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
 * two cores those threads take turns with the page readers, and every thread (two page
 * readers and the assembling thread) compiles the same code for itself: with 2 workers
 * on the 640-page bench book, compiling took about a fifth of all CPU time (`perf`).
 * Half the inlining budget per function (V8's default: 920 bytes of bytecode) and 16
 * times the interrupt budget (a function must run 16 times as long before it is
 * optimised; default 67,584): functions that run for a while are still optimised, the
 * many that run a little no longer are. Measured side by side against twice the
 * interrupt budget (the setting before), 3–6 runs each: the 640-page book −5 % wall
 * time and −6 % CPU with 2 workers, −6 % with 1; the mixed book −10 %; the batch of 52
 * files −9 %. 4 times made no clear difference, 8 times about half of it, 32 times a
 * little less than 16 and 64 times none; a quarter or the whole inlining budget made no
 * clear difference either.
 */
const COMPILER_FLAGS = ["--max-inlined-bytecode-size-cumulative=460", "--interrupt-budget=1080000"];

/** For every thread of kohyo's own that loads pdf.js: inflate in one call, no Skia, no undici while pdf.js loads. */
export function setUpThread(): void {
  useBufferedInflate();
  readWithoutCanvas();
  deferResponse();
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
