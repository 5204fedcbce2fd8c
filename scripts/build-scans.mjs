#!/usr/bin/env node
/**
 * Builds the scanned samples: a small statement of accounts (収支計算書) drawn as a
 * scanner would give it — a picture, slightly turned, with specks — and made into PDFs
 * with pdf-lib:
 *
 * - samples/scan-image-only.pdf: the picture alone, one image covering the page (200 dpi);
 * - samples/scan-invisible-layer.pdf: the same picture under an invisible text layer
 *   (render mode 3) that says something else ("TOTAL 3"), as the OCR layer of some
 *   scanners and converters does.
 *
 * The values drawn are in samples/scan.truth.json (the truth of the tests). Needs the
 * Noto Sans CJK font (Debian fonts-noto-cjk) and @napi-rs/canvas (installed with pdf.js);
 * the PDFs are committed, so tests and CI need neither.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PDFDocument, popGraphicsState, pushGraphicsState, setTextRenderingMode, StandardFonts, TextRenderingMode } from "pdf-lib";

const require = createRequire(import.meta.url);
const { createCanvas, GlobalFonts } = require("@napi-rs/canvas");
const SAMPLES = fileURLToPath(new URL("../samples/", import.meta.url));
const FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
GlobalFonts.registerFromPath(FONT, "NotoJP");

const truth = {
  title: "令和5年度 収支計算書",
  unit: "単位：円",
  header: ["科目", "金額"],
  rows: [
    ["会費収入", "1,250,000"],
    ["事業収入", "384,500"],
    ["雑収入", "12,345"],
  ],
  total: ["合計", "1,646,845"],
};

const DPI = 200;
const W = 1100, H = 700;
const canvas = createCanvas(W, H);
const ctx = canvas.getContext("2d");
ctx.fillStyle = "#fbfaf4";
ctx.fillRect(0, 0, W, H);
// The sheet lay a little turned on the glass.
ctx.translate(W / 2, H / 2);
ctx.rotate((0.35 * Math.PI) / 180);
ctx.translate(-W / 2, -H / 2);
ctx.fillStyle = "#111";
ctx.font = "40px NotoJP";
ctx.fillText(truth.title, 300, 90);
ctx.font = "26px NotoJP";
ctx.fillText(truth.unit, 860, 160);
const x = [120, 520, 960];
const y = [180, 250, 320, 390, 460, 530];
ctx.strokeStyle = "#111";
ctx.lineWidth = 3;
for (const yy of y) {
  ctx.beginPath();
  ctx.moveTo(x[0], yy);
  ctx.lineTo(x[2], yy);
  ctx.stroke();
}
for (const xx of x) {
  ctx.beginPath();
  ctx.moveTo(xx, y[0]);
  ctx.lineTo(xx, y[y.length - 1]);
  ctx.stroke();
}
ctx.font = "32px NotoJP";
const rows = [truth.header, ...truth.rows, truth.total];
rows.forEach(([label, amount], i) => {
  const base = y[i] + 48;
  ctx.textAlign = "left";
  ctx.fillText(label, x[0] + 30, base);
  ctx.textAlign = i === 0 ? "center" : "right";
  ctx.fillText(amount, i === 0 ? (x[1] + x[2]) / 2 : x[2] - 30, base);
});
ctx.setTransform(1, 0, 0, 1, 0, 0);
// Specks, the same every build.
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
ctx.fillStyle = "#555";
for (let i = 0; i < 150; i++) ctx.fillRect(Math.floor(rand() * W), Math.floor(rand() * H), 2, 2);
const png = canvas.toBuffer("image/png");

const points = (px) => (px / DPI) * 72;

async function scan(invisible) {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setProducer("kohyo scripts/build-scans.mjs");
  const page = pdf.addPage([points(W), points(H)]);
  const image = await pdf.embedPng(png);
  page.drawImage(image, { x: 0, y: 0, width: points(W), height: points(H) });
  if (invisible) {
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    page.pushOperators(pushGraphicsState(), setTextRenderingMode(TextRenderingMode.Invisible));
    page.drawText("TOTAL 3", { x: points(x[0] + 30), y: points(H - y[4] - 48), size: 11, font });
    page.pushOperators(popGraphicsState());
  }
  return pdf.save({ useObjectStreams: false });
}

writeFileSync(join(SAMPLES, "scan-image-only.pdf"), await scan(false));
writeFileSync(join(SAMPLES, "scan-invisible-layer.pdf"), await scan(true));
writeFileSync(join(SAMPLES, "scan.truth.json"), JSON.stringify({ source: "scripts/build-scans.mjs (the values drawn)", ...truth }, null, 2) + "\n");
console.log("samples/scan-image-only.pdf, samples/scan-invisible-layer.pdf, samples/scan.truth.json");
