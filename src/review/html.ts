/**
 * review.html: one self-contained page per file. pdf.js (the browser build shipped in
 * pdfjs-dist) and its worker, the PDF, the CMaps it needs and the review data are all
 * inside it, so it opens from file:// (where a page may fetch nothing) as from any static
 * host, offline. The page script (./client/review.js) draws the pages as they scroll
 * into view and the overlays over them.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { cmapsFor } from "./cmaps.js";
import type { ReviewData } from "./data.js";

const require = createRequire(import.meta.url);
const read = (path: string) => readFileSync(path, "utf8");
const client = (name: string) => read(fileURLToPath(new URL(`./client/${name}`, import.meta.url)));

let assets: { lib: string; worker: string; script: string; style: string } | null = null;
function pageAssets() {
  return (assets ??= {
    lib: read(require.resolve("pdfjs-dist/build/pdf.min.mjs")),
    worker: classicWorker(read(require.resolve("pdfjs-dist/build/pdf.worker.min.mjs"))),
    script: client("review.js"),
    style: client("review.css"),
  });
}

/**
 * pdf.js's worker as a classic script. A page opened from file:// may start a worker
 * from a blob: URL only as a classic script (Chromium refuses a module worker there):
 * the module's one export statement goes (it also sets globalThis.pdfjsWorker), and
 * import.meta.url, which its wasm decoders read to find their files, becomes the
 * worker's own address.
 */
export function classicWorker(module: string): string {
  const out = module.replace(/export\s*\{\s*WorkerMessageHandler\s*\};?\s*$/, "").replaceAll("import.meta.url", "self.location.href");
  if (/\bexport\s*\{|import\.meta/.test(out)) throw new Error("pdf.js's worker module has changed: it no longer turns into a classic script");
  return out;
}

/** Text safe inside a <script> element (it cannot close it). */
const scriptText = (s: string) => s.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
const json = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c");
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The review page of `data`, drawn over the PDF `pdf`. */
export function reviewHtml(data: ReviewData, pdf: Uint8Array): string {
  const a = pageAssets();
  const cmaps = Object.fromEntries([...cmapsFor(pdf)].map(([name, bytes]) => [name, bytes.toString("base64")]));
  const title = `kohyo review · ${data.file}`;
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kohyo ${escapeHtml(data.kohyoVersion)}">
<title>${escapeHtml(title)}</title>
<style>${a.style}</style>
</head>
<body>
<div id="app"><aside id="panel"></aside><main id="pages" tabindex="-1"></main></div>
<script type="application/json" id="kohyo-data">${json(data)}</script>
<script type="application/json" id="kohyo-cmaps">${json(cmaps)}</script>
<script type="text/plain" id="kohyo-pdf">${Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("base64")}</script>
<script type="text/plain" id="kohyo-pdfjs-worker">${scriptText(a.worker)}</script>
<script type="module">${scriptText(a.lib)}</script>
<script type="module">${scriptText(a.script)}</script>
</body>
</html>
`;
}
