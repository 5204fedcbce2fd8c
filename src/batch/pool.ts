/**
 * Runs extraction tasks on N threads, at most one task per thread at a time, scheduled
 * with p-limit: this thread is one of them and N − 1 worker threads are the others (so
 * --jobs 1 runs everything here). The workers are started with the pool, so they load
 * their code while this thread starts on the first file.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import pLimit from "p-limit";
import { InputError, type InputErrorReason } from "../errors.js";
import { analyseChunk, type ChunkResult, type ExtractSettings, extractFile, type FileOutcomeMessage } from "./task.js";

export type Task =
  | { kind: "file"; file: string; settings: ExtractSettings }
  | { kind: "chunk"; file: string; password: string | undefined; pipeline: string; pages: number[] };

type Result<T extends Task> = T extends { kind: "file" } ? FileOutcomeMessage : ChunkResult;

export const defaultJobs = (): number => availableParallelism();

/** Young-generation size of a worker's heap (MB). */
const YOUNG_GENERATION_MB = 4;

export class Pool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly limit;
  private next = 0;
  private inlineBusy = false;

  constructor(readonly jobs: number) {
    this.limit = pLimit(Math.max(1, jobs));
    for (let i = 1; i < jobs; i++) this.idle.push(this.spawn());
  }

  run<T extends Task>(task: T): Promise<Result<T>> {
    return this.limit(() => (this.inlineBusy ? this.onWorker(task) : this.inline(task))) as Promise<Result<T>>;
  }

  private async inline(task: Task): Promise<unknown> {
    this.inlineBusy = true;
    try {
      return await (task.kind === "file" ? extractFile(task.file, task.settings) : analyseChunk(task.file, task.password, task.pipeline, task.pages));
    } finally {
      this.inlineBusy = false;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }

  private async onWorker(task: Task): Promise<unknown> {
    const worker = this.idle.pop() ?? this.spawn();
    const id = this.next++;
    let crashed = false;
    try {
      return await new Promise((resolve, reject) => {
        const onMessage = (m: { id: number; ok: boolean; value?: unknown; error?: WorkerError }) => {
          if (m.id !== id) return;
          worker.off("message", onMessage);
          worker.off("error", onError);
          if (m.ok) resolve(m.value);
          else reject(revive(m.error!));
        };
        const onError = (e: Error) => {
          crashed = true;
          worker.off("message", onMessage);
          reject(e);
        };
        worker.on("message", onMessage);
        worker.once("error", onError);
        worker.postMessage({ id, task });
      });
    } finally {
      if (!crashed) this.idle.push(worker); // a crashed worker is gone; the next task spawns another
    }
  }

  private spawn(): Worker {
    // A small young generation: page reading makes short-lived garbage at a rate that lets
    // V8 grow the default one (tens of MB per worker) for no gain in speed (measured on
    // the 640-page bench book: ~50 MB less peak RSS on 2 threads, the same time).
    const w = new Worker(new URL("./worker.js", import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    w.unref();
    this.all.push(w);
    return w;
  }
}

type WorkerError = { input: true; file: string; reason: InputErrorReason; detail: string } | { input: false; message: string };

function revive(e: WorkerError): Error {
  return e.input ? new InputError(e.file, e.reason, e.detail) : new Error(e.message);
}
