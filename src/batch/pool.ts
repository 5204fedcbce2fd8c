/**
 * Runs extraction tasks on N worker threads, at most one task per worker at a time,
 * scheduled with p-limit. This thread only coordinates (and assembles split documents):
 * it never loads pdf.js. The workers start with the pool.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import pLimit from "p-limit";
import { InputError, type InputErrorReason } from "../errors.js";
import { DEFAULT_LIMITS, type Limits, stallSeconds } from "../pdf/limits.js";
import type { ChunkResult, ExtractSettings, FileOutcomeMessage } from "./report.js";
import type { ChunkSource } from "./chunks.js";

export type Task = (
  | { kind: "file"; file: string; settings: ExtractSettings }
  | ({ kind: "chunk"; pages: number[] } & ChunkSource)
) & {
  /** Pages left out unread, each with a finding: they stopped a worker before (see Pool.run). */
  skip?: number[];
};

type Result<T extends Task> = T extends { kind: "file" } ? FileOutcomeMessage : ChunkResult;

export const defaultJobs = (): number => availableParallelism();

/** Young-generation size of a worker's heap (MB): see spawn. */
const YOUNG_GENERATION_MB = 24;

/** The most pages of one task that may stop their worker before the task is given up (see Pool.run). */
export const MAX_STALLED_PAGES = 3;

/** A worker stopped by the driver: it went on reading one page past the deadline (stallSeconds). */
class Stalled extends Error {
  constructor(readonly page: number) {
    super(`stalled at page ${page}`);
  }
}

/** A task that did not run, or was cut short, because the batch was interrupted (Pool.stop). */
export class Interrupted extends Error {
  constructor() {
    super("interrupted");
  }
}

export class Pool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly limit;
  private next = 0;
  /** Set by stop(). */
  private stopped = false;
  /** Workers that crashed or exited. */
  private readonly dead = new Set<Worker>();
  /** How to fail the task a worker is running. */
  private readonly current = new Map<Worker, (e: Error) => void>();

  constructor(
    readonly jobs: number,
    /** The worker threads' module (./worker.js; a test can put one in front that fails on demand). */
    private readonly script: URL = new URL("./worker.js", import.meta.url),
    /** The budgets the workers read with. */
    private readonly limits: Limits = DEFAULT_LIMITS,
  ) {
    this.limit = pLimit(Math.max(1, jobs));
    // All started now: a worker takes about half a second to load its code, which is
    // better spent while the first file is opened than when its chunks are waiting.
    for (let i = 0; i < Math.max(1, jobs); i++) this.idle.push(this.spawn());
  }

  /**
   * Runs a task on a worker. A page that runs past the deadline (twice --page-timeout,
   * see stallSeconds: pdf.js's own check of the time did not stop it) ends its worker;
   * the task starts again on a fresh one with that page left out (empty, with a
   * limit/exceeded finding, as a page over any budget), so the file goes on to its
   * verdict. Opening the file stalled, the same page again, or more than
   * MAX_STALLED_PAGES pages: the file is over a limit. `onPage` hears each page the
   * worker starts (for progress inside a file).
   */
  async run<T extends Task>(task: T, onPage?: (page: number) => void): Promise<Result<T>> {
    const skip = [...(task.skip ?? [])];
    for (;;) {
      try {
        return (await this.limit(() => (this.stopped ? Promise.reject(new Interrupted()) : this.onWorker({ ...task, skip }, onPage)))) as Result<T>;
      } catch (e) {
        // Its worker went over the heap budget: the file is over a limit, as any budget.
        if ((e as { code?: string })?.code === "ERR_WORKER_OUT_OF_MEMORY") {
          const mb = this.limits.workerHeapMb;
          throw new InputError(task.file, "over-limit", `over a limit: reading it needs more than the ${mb} MB of heap a worker may take (--limit worker-heap-mb=${mb})`);
        }
        if (!(e instanceof Stalled)) throw e;
        const { page } = e;
        if (page === 0 || skip.includes(page) || skip.length >= MAX_STALLED_PAGES) {
          const where = page === 0 ? "opening it" : skip.includes(page) ? `reading it after page ${page}` : `reading ${skip.length + 1} of its pages`;
          throw new InputError(task.file, "over-limit", `over a limit: ${where} ran past ${stallSeconds(this.limits)} s and its worker was stopped (--page-timeout ${this.limits.pageSeconds})`);
        }
        skip.push(page);
      }
    }
  }

  /**
   * Stops taking tasks (Ctrl-C): a task not yet on a worker fails with Interrupted when
   * its turn comes, and the tasks running fail with it now, their workers ended (what
   * they staged is left for the batch to remove).
   */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const w of this.all) {
      const fail = this.current.get(w);
      this.dead.add(w); // its exit is expected now
      fail?.(new Interrupted());
      void w.terminate();
    }
  }

  /**
   * Ends the workers that are idle now, giving their memory back (each holds its pdf.js, the
   * document it read last and its heap: 100–150 MB on the A3 bench book). For when no task
   * is to come, while this thread still has work of its own: assembling and writing a
   * long document's outputs, which is where a whole book's run peaked (measured on the A3
   * bench book, 2 workers: 410 MB when the last chunk was read, 453 MB after the outputs
   * were written). A task given after this starts a new worker.
   */
  release(): void {
    for (const w of this.idle.splice(0)) {
      this.dead.add(w); // its exit is expected now
      void w.terminate();
    }
  }

  async close(): Promise<void> {
    for (const w of this.all) this.dead.add(w); // their exits are expected now
    await Promise.all(this.all.map((w) => w.terminate()));
  }

  private async onWorker(task: Task, onPage?: (page: number) => void): Promise<unknown> {
    const w = this.idle.pop() ?? this.spawn();
    const id = this.next++;
    try {
      return await new Promise((resolve, reject) => {
        // The page the worker is on (0: starting the task, opening the file), and the deadline of its next page.
        let page = 0;
        let timer: NodeJS.Timeout | undefined;
        const watch = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            // Past the deadline: the thread is stuck in one page, and only ending it stops it.
            this.dead.add(w);
            w.off("message", onMessage);
            clearTimeout(timer);
            void w.terminate();
            reject(new Stalled(page));
          }, stallSeconds(this.limits) * 1000);
        };
        const onMessage = (m: { id?: number; beat?: number; ok?: boolean; value?: unknown; error?: WorkerError }) => {
          if (m.beat !== undefined) {
            page = m.beat;
            watch();
            if (page > 0) onPage?.(page);
            return;
          }
          if (m.id !== id) return;
          w.off("message", onMessage);
          clearTimeout(timer);
          if (m.ok) resolve(m.value);
          else reject(revive(m.error!));
        };
        // A crash or an exit while this task runs fails the task (see spawn).
        this.current.set(w, (e) => {
          w.off("message", onMessage);
          clearTimeout(timer);
          reject(e);
        });
        w.on("message", onMessage);
        // The deadline runs from the worker's first beat, when it starts the task: a new
        // worker first loads its code, which on a loaded machine takes seconds.
        w.postMessage({ id, task });
      });
    } finally {
      this.current.delete(w);
      if (!this.dead.has(w)) this.idle.push(w); // a dead worker is gone; the next task spawns another
    }
  }

  private spawn(): Worker {
    // The young generation is where page reading's short-lived garbage goes (7–8 MB a
    // page). V8 sizes its halves in powers of two: 16 MB and 24 MB behave the same, 32 MB
    // halves the scavenges. Measured on the 640-page bench book, 2 workers: with heap
    // growth 60 %, 32 MB ~410 MB peak RSS, 16 MB ~365 MB, 8 MB ~340 MB but a tenth slower;
    // 32 MB with the old generation held to 30 % growth (src/runtime.ts) is faster than
    // 16 MB with 60 %, at 330–350 MB. 24 MB since: the A3 bench book (800 printed pages)
    // peaked at 415–423 MB on 2 workers with 32 MB, 377–383 MB with 24 (2 runs each,
    // alternating, load 10–13); corpus 26 4.47–4.85 s of CPU with 24 MB and 4.54–4.97 s
    // with 32 (5 runs each), peak 240–254 against 252–268 MB.
    // The old generation is held to the heap budget: a file that would take more ends its
    // worker (ERR_WORKER_OUT_OF_MEMORY, reported as over a limit), not the process.
    const w = new Worker(this.script, {
      workerData: { limits: this.limits },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: this.limits.workerHeapMb },
    });
    w.unref();
    // Listened to for the worker's whole life, idle or not: an error or an exit marks it
    // dead and fails the task it was running, if any (an unlistened 'error' would end
    // the process).
    const die = (e: Error) => {
      if (this.dead.has(w)) return;
      this.dead.add(w);
      const idle = this.idle.indexOf(w);
      if (idle >= 0) this.idle.splice(idle, 1);
      this.current.get(w)?.(e);
    };
    w.on("error", die);
    w.on("exit", (code) => die(new Error(`a worker thread stopped (exit code ${code})`)));
    this.all.push(w);
    return w;
  }
}

type WorkerError = { input: true; file: string; reason: InputErrorReason; detail: string } | { input: false; message: string };

function revive(e: WorkerError): Error {
  return e.input ? new InputError(e.file, e.reason, e.detail) : new Error(e.message);
}
