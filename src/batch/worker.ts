/**
 * A worker thread of `kohyo extract --jobs N`: one pdf.js per worker, fed tasks by the
 * pool (./pool.ts) one at a time. Answers { id, ok, value } or { id, ok: false, error },
 * and tells { beat: page } as each page starts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { InputError, isPdfjsFileError } from "../errors.js";
import { setUpThread } from "../runtime.js";
import type { Task } from "./pool.js";

// Before pdf.js loads (./task.js loads it), as the CLI's own thread does (src/runtime.ts).
setUpThread();
// A worker's unhandled rejection would end the thread: pdf.js's about a broken file are dropped (see onUnhandledRejection).
process.on("unhandledRejection", (reason) => {
  if (!isPdfjsFileError(reason)) throw reason;
});
const { guard, setLimits } = await import("../pdf/limits.js");
if (workerData?.limits) setLimits(workerData.limits);
// Each page started is told to the driver, which stops this thread when one runs too long (./pool.ts).
guard().onPage = (page) => parentPort!.postMessage({ beat: page });
const { analyseChunk, extractFile, releaseOcr } = await import("./task.js");

parentPort!.on("message", async ({ id, task }: { id: number; task: Task }) => {
  // Pages that stopped an earlier worker are not read again (see Pool.run).
  guard().skip = new Set(task.skip ?? []);
  // The task has started: the driver's deadline runs from now (see Pool.onWorker).
  parentPort!.postMessage({ beat: 0 });
  let answer: { id: number; ok: true; value: unknown } | { id: number; ok: false; error: unknown };
  try {
    const value =
      task.kind === "file" ? await extractFile(task.file, task.settings) : await analyseChunk(task.file, task.password, task.pipeline, task.pages, task.ocr, task.stdinCopy, task.builtin);
    answer = { id, ok: true, value };
  } catch (e) {
    const error = e instanceof InputError ? { input: true, file: e.file, reason: e.reason, detail: e.detail } : { input: false, message: (e as Error)?.stack ?? String(e) };
    answer = { id, ok: false, error };
  }
  // A Tesseract this task started ends before the next task comes (see releaseOcr).
  await releaseOcr().catch(() => {});
  parentPort!.postMessage(answer);
});
