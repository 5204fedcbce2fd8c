/**
 * The PNG worker of `kohyo review --png` (see ./png.ts): each page drawn by pdf.js on an
 * @napi-rs/canvas canvas, then the review's overlays on top in the colours of the review
 * page — table frames and header rows, cells, records, and every finding (failing red,
 * warning amber, passing a quiet green) with the message of each one that does not pass.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import type { SKRSContext2D } from "@napi-rs/canvas";
import { PDFJS_ASSETS } from "../pdf/load.js";
import type { Quad, ReviewData, ReviewFinding } from "./data.js";
import type { PngJob } from "./png.js";

/** 2 px per point: 144 dpi, sharp enough to read 8-point type. */
const SCALE = 2;
const COLOURS = {
  error: "rgba(211, 47, 47, 0.95)",
  errorFill: "rgba(211, 47, 47, 0.18)",
  warning: "rgba(245, 159, 0, 0.95)",
  warningFill: "rgba(245, 159, 0, 0.15)",
  ok: "rgba(46, 125, 50, 0.6)",
  info: "rgba(96, 125, 139, 0.7)",
  cell: "rgba(25, 118, 210, 0.45)",
  table: "rgba(25, 118, 210, 0.85)",
  header: "rgba(123, 31, 162, 0.10)",
  record: "rgba(0, 137, 123, 0.55)",
};

async function run(job: PngJob): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({
    data: job.pdf,
    ...(job.password !== undefined && { password: job.password }),
    ...PDFJS_ASSETS,
    cMapPacked: true,
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  }).promise;
  const written: string[] = [];
  try {
    const pages = job.pages ?? Array.from({ length: doc.numPages }, (_, i) => i + 1);
    for (const n of pages) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: SCALE });
      const factory = doc.canvasFactory as { create(w: number, h: number): unknown };
      const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height)) as {
        canvas: { toBuffer(mime: "image/png"): Buffer };
        context: SKRSContext2D;
      };
      context.fillStyle = "#fff";
      context.fillRect(0, 0, viewport.width, viewport.height);
      await page.render({ canvasContext: context as never, canvas: null, viewport }).promise;
      drawOverlays(context, job.data, n);
      const path = join(job.dir, `review-p${n}.png`);
      writeFileSync(path, canvas.toBuffer("image/png"));
      written.push(path);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return written;
}

const rect = (ctx: SKRSContext2D, b: Quad) => ctx.rect(b[0] * SCALE, b[1] * SCALE, (b[2] - b[0]) * SCALE, (b[3] - b[1]) * SCALE);
function box(ctx: SKRSContext2D, b: Quad, stroke: string, width: number, fill?: string, dash: number[] = []): void {
  ctx.beginPath();
  rect(ctx, b);
  if (fill) {
    ctx.fillStyle = fill;
    ctx.fill();
  }
  ctx.setLineDash(dash);
  ctx.strokeStyle = stroke;
  ctx.lineWidth = width;
  ctx.stroke();
  ctx.setLineDash([]);
}
const union = (a: Quad, b: Quad): Quad => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

function drawOverlays(ctx: SKRSContext2D, data: ReviewData, n: number): void {
  for (const t of data.tables) {
    let frame: Quad | null = null;
    let header: Quad | null = null;
    for (const c of t.cells) {
      for (const p of [c, ...(c.parts ?? [])]) {
        if (p.page !== n) continue;
        frame = frame ? union(frame, p.box) : p.box;
        if (c.header && p === c) header = header ? union(header, p.box) : p.box;
        box(ctx, p.box, COLOURS.cell, 1, undefined, p === c ? [] : [4, 3]);
      }
    }
    if (header) box(ctx, header, "transparent", 0, COLOURS.header);
    if (frame) box(ctx, frame, COLOURS.table, 2.5);
  }
  for (const r of data.records) if (r.page === n && r.box) box(ctx, r.box, COLOURS.record, 1, undefined, [2, 2]);
  const here = data.findings.filter((f) => f.page === n && f.box);
  // Passing first, failing last: what matters is drawn on top.
  const rank = (f: ReviewFinding) => (f.ok ? 0 : f.severity === "info" ? 1 : f.severity === "warning" ? 2 : 3);
  const labels: { f: ReviewFinding; b: Quad }[] = [];
  for (const f of here.sort((a, b) => rank(a) - rank(b))) {
    const b = f.box!;
    if (f.ok) box(ctx, b, COLOURS.ok, 1.5);
    else if (f.severity === "error") box(ctx, b, COLOURS.error, 3, COLOURS.errorFill);
    else if (f.severity === "warning") box(ctx, b, COLOURS.warning, 3, COLOURS.warningFill);
    else box(ctx, b, COLOURS.info, 1.5, undefined, [2, 3]);
    if (!f.ok && f.severity !== "info") labels.push({ f, b });
  }
  ctx.font = `${11 * SCALE}px "Noto Sans CJK JP", "IPAexGothic", sans-serif`;
  const width = ctx.canvas.width;
  const height = 14 * SCALE;
  const placedLabels: { x: number; y: number; w: number }[] = [];
  for (const { f, b } of labels) {
    const text = f.message.length > 110 ? `${f.message.slice(0, 109)}…` : f.message;
    const w = Math.min(ctx.measureText(text).width + 8, width - 4);
    const x = Math.max(2, Math.min(b[0] * SCALE, width - w - 2));
    // Below the box where the page has room (the rows above stay readable), else above it.
    let y = b[3] * SCALE + 16 * SCALE < ctx.canvas.height ? b[3] * SCALE + 2 : Math.max(0, b[1] * SCALE - 15 * SCALE);
    // Labels of boxes side by side (a total row's columns) stack instead of covering each other.
    while (placedLabels.some((p) => x < p.x + p.w && p.x < x + w && Math.abs(p.y - y) < height)) y += height + 2;
    placedLabels.push({ x, y, w });
    ctx.fillStyle = f.severity === "error" ? "rgba(211, 47, 47, 0.92)" : "rgba(190, 120, 0, 0.92)";
    ctx.fillRect(x, y, w, height);
    ctx.fillStyle = "#fff";
    ctx.textBaseline = "middle";
    ctx.fillText(text, x + 4, y + 7 * SCALE, w - 8);
  }
}

run(workerData as PngJob).then(
  (written) => parentPort!.postMessage({ written }),
  (e: unknown) => parentPort!.postMessage({ error: `${(e as Error)?.message ?? e}` }),
);
