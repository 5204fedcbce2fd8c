/**
 * `kohyo review --png`: the review's overlays drawn into one PNG per page, for CI logs,
 * issues and e-mails. The pages are drawn by pdf.js with @napi-rs/canvas in a worker
 * thread of its own (./png-worker.ts): kohyo's own threads load pdf.js without a canvas
 * (src/pdf/no-canvas.ts), and a thread's modules are its own.
 */
import { Worker } from "node:worker_threads";
import type { ReviewData } from "./data.js";

export interface PngJob {
  data: ReviewData;
  pdf: Uint8Array;
  dir: string;
  /** 1-based pages to draw (default: all). */
  pages?: number[];
  password?: string;
}

/** Draws the pages into dir/review-p<N>.png; resolves to the paths written. */
export function reviewPngs(data: ReviewData, pdf: Uint8Array, dir: string, pages?: number[], password?: string): Promise<string[]> {
  const job: PngJob = { data, pdf, dir, ...(pages && { pages }), ...(password !== undefined && { password }) };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./png-worker.js", import.meta.url), { workerData: job });
    let written: string[] | null = null;
    worker.on("message", (m: { written?: string[]; error?: string }) => {
      if (m.error) reject(new Error(m.error));
      else written = m.written ?? [];
    });
    worker.on("error", reject);
    worker.on("exit", (code) => (written ? resolve(written) : reject(new Error(`the PNG worker stopped (exit code ${code})`))));
  });
}
