/**
 * A worker thread of `kohyo extract` (the built dist/src/batch/worker.js) that dies on
 * demand, for the batch tests of a crashed worker: it ends its thread on
 * - any task of a file named crash.pdf;
 * - the chunk holding page 30 of a file named crash-book.pdf (a long document split over
 *   the workers, whose outputs are being staged by then).
 */
import { basename } from "node:path";
import { parentPort } from "node:worker_threads";

// The worker first: it starts taking tasks once its code is loaded (a handler added
// before would take the first tasks from it). This handler, called right after the
// worker's own for the same task, ends the thread before that task gets past its first
// await, so no answer is sent.
await import("../dist/src/batch/worker.js");
parentPort.on("message", ({ task }) => {
  const name = basename(task.file);
  if (name === "crash.pdf" || (name === "crash-book.pdf" && task.kind === "chunk" && task.pages.includes(30))) process.exit(3);
});
