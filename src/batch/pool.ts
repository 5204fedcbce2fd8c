/**
 * Runs extraction tasks on N worker threads (or in this thread when N is 1), at most one
 * task per worker at a time, scheduled with p-limit.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import pLimit from "p-limit";
import { InputError, type InputErrorReason } from "../errors.js";
import type { ReadStats } from "../pdf/load.js";
import type { PageAnalysis } from "../pipeline/types.js";
import { analyseChunk, type ExtractSettings, extractFile, type FileOutcomeMessage } from "./task.js";

export type Task =
  | { kind: "file"; file: string; settings: ExtractSettings }
  | { kind: "chunk"; file: string; password: string | undefined; pipeline: string; pages: number[] };

export type ChunkResult = { analyses: PageAnalysis[]; stats: ReadStats };
type Result<T extends Task> = T extends { kind: "file" } ? FileOutcomeMessage : ChunkResult;

export const defaultJobs = (): number => availableParallelism();

export class Pool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly limit;
  private next = 0;

  constructor(readonly jobs: number) {
    this.limit = pLimit(Math.max(1, jobs));
  }

  run<T extends Task>(task: T): Promise<Result<T>> {
    return this.limit(() => (this.jobs <= 1 ? inline(task) : this.onWorker(task))) as Promise<Result<T>>;
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
    const w = new Worker(new URL("./worker.js", import.meta.url));
    w.unref();
    this.all.push(w);
    return w;
  }
}

type WorkerError = { input: true; file: string; reason: InputErrorReason; detail: string } | { input: false; message: string };

function revive(e: WorkerError): Error {
  return e.input ? new InputError(e.file, e.reason, e.detail) : new Error(e.message);
}

function inline(task: Task): Promise<unknown> {
  return task.kind === "file" ? extractFile(task.file, task.settings) : analyseChunk(task.file, task.password, task.pipeline, task.pages);
}
