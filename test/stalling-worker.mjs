/**
 * A worker thread of `kohyo extract` (the built dist/src/batch/worker.js) that gets stuck
 * on demand, as a page that never ends would leave it: a loop that never yields, where
 * pdf.js's own check of the time (src/pdf/limits.ts) cannot stop it. It spins when it
 * starts reading
 * - page 2 of a file named stall.pdf;
 * - page 30 of a file named stall-book.pdf (a long document split over the workers: in a chunk);
 * - any page of a file named stall-all.pdf;
 * - the opening of a file named stall-open.pdf.
 */
import { basename } from "node:path";
import { parentPort } from "node:worker_threads";

// The worker first (see crashing-worker.mjs): this handler runs right after the worker's
// own for the same task, before that task reads anything.
await import("../dist/src/batch/worker.js");
let file = "";
parentPort.on("message", ({ task }) => {
  file = basename(task.file);
});
const guard = globalThis.kohyoGuard;
const tell = guard.onPage;
guard.onPage = (page) => {
  tell(page);
  const stuck = (file === "stall.pdf" && page === 2) || (file === "stall-book.pdf" && page === 30) || (file === "stall-all.pdf" && page > 0) || (file === "stall-open.pdf" && page === 0);
  if (stuck && !guard.skip.has(page)) for (;;);
};
