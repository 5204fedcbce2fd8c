/** `kohyo review` and `kohyo extract --review` through the real program (dist/src/cli.js); the pages in a browser: test/review/. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadImage, createCanvas } from "@napi-rs/canvas";
import { expect, test } from "vitest";
import { spawnSync } from "node:child_process";
import { kohyo, ROOT, sample } from "../helpers.js";

const MISTYPED = sample("tokyo-plan-r5-a4-mistyped.pdf");

test("review writes one self-contained review.html: pdf.js, its worker, the PDF and the data inside, nothing fetched", () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-review-"));
  const r = kohyo("review", MISTYPED, "-o", out);
  // The mistyped total fails: exit 1, the page still written.
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/tokyo-jinzai-plan · 2 tables · 31 records · 1 failing, 2 warnings → .*review\.html/);
  const html = readFileSync(join(out, "tokyo-plan-r5-a4-mistyped", "review.html"), "utf8");
  expect(html).not.toMatch(/<script[^>]+src=|<link\b|<img\b|@import|url\(http/i);
  const pdf = /<script type="text\/plain" id="kohyo-pdf">([^<]*)<\/script>/.exec(html)![1]!;
  expect(Buffer.from(pdf, "base64").equals(readFileSync(MISTYPED))).toBe(true);
  const data = JSON.parse(/<script type="application\/json" id="kohyo-data">([^<]*)<\/script>/.exec(html)![1]!);
  // The sample's source: 合計 of 事業額 printed 477,289 (thousand yen) on page 3, the rows sum to 478,189.
  const failing = data.findings.filter((f: { ok: boolean; severity: string }) => !f.ok && f.severity === "error");
  expect(failing).toHaveLength(1);
  expect(failing[0]).toMatchObject({ rule: "total/sum", page: 3 });
  expect(failing[0].message).toContain("477,289");
  expect(data.pages).toHaveLength(4);
  expect(data.pages[0]).toEqual([841.89, 595.3]);
});

test("review --png draws each page with the failing total boxed in red (page 3 of the mistyped plan)", async () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-review-png-"));
  const r = kohyo("review", MISTYPED, "--png", "--pages", "3", "-o", out);
  expect(r.code, r.err).toBe(1);
  const dir = join(out, "tokyo-plan-r5-a4-mistyped");
  expect(existsSync(join(dir, "review-p3.png"))).toBe(true);
  expect(existsSync(join(dir, "review-p1.png"))).toBe(false);
  const image = await loadImage(readFileSync(join(dir, "review-p3.png")));
  // 2 px per point: A4 landscape.
  expect([image.width, image.height]).toEqual([1684, 1191]);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  // The 合計 cell of 事業額 on the rendered page: x 468–504 pt, y 388–399 pt; its left border is drawn red.
  const [red, green, blue] = ctx.getImageData(Math.round(468.2 * 2), Math.round(393 * 2), 1, 1).data;
  expect(red).toBeGreaterThan(180);
  expect(green).toBeLessThan(110);
  expect(blue).toBeLessThan(110);
});

test("extract --review writes review.html beside each file's records; a file that is not a PDF is one line and the batch goes on", () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-extract-review-"));
  const bad = join(out, "not-a.pdf");
  writeFileSync(bad, "hello");
  const r = kohyo("extract", sample("tokyo-plan-r5-a4.pdf"), bad, "--review", "-o", out, "--jobs", "1");
  expect(r.code).toBe(4);
  expect(r.err.split("\n").filter((l) => l.includes("not-a.pdf") && l.includes("not a PDF"))).toHaveLength(1);
  expect(existsSync(join(out, "tokyo-plan-r5-a4", "records.json"))).toBe(true);
  expect(existsSync(join(out, "tokyo-plan-r5-a4", "review.html"))).toBe(true);
  expect(existsSync(join(out, "not-a", "review.html"))).toBe(false);
});

test("review - reads the PDF from stdin: the page holds the same PDF bytes, written under stdin/", () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-review-"));
  const bytes = readFileSync(MISTYPED);
  const r = spawnSync(process.execPath, [join(ROOT, "dist/src/cli.js"), "review", "-", "-o", out], { input: bytes, cwd: ROOT, encoding: "utf8" });
  expect(r.status).toBe(1); // the mistyped total, as from the file
  const html = readFileSync(join(out, "stdin", "review.html"), "utf8");
  const pdf = /<script type="text\/plain" id="kohyo-pdf">([^<]*)<\/script>/.exec(html)![1]!;
  expect(Buffer.from(pdf, "base64").equals(bytes)).toBe(true);
});
