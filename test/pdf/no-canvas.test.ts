/**
 * pdf.js loaded without @napi-rs/canvas (src/pdf/no-canvas.ts), as the CLI and its workers
 * load it: pages read the same, Skia never loads, nothing is printed, and a require of the
 * package from anywhere but pdf.js is left alone. Run in a child process: pdf.js loads
 * once per thread, and this test process has loaded it with Skia already.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "vitest";
import { readAll, ROOT, sample } from "../helpers.js";

const script = `
import Module, { createRequire } from "node:module";
const { readWithoutCanvas } = await import(${JSON.stringify(join(ROOT, "dist/src/pdf/no-canvas.js"))});
readWithoutCanvas();
readWithoutCanvas(); // twice: still one hook
const { openPdf } = await import(${JSON.stringify(join(ROOT, "dist/src/pdf/load.js"))});
const r = await openPdf(process.argv[1]);
const texts = [];
for await (const page of r.doc.pages()) texts.push(page.runs.map((run) => run.text));
await r.doc.close();
const skiaBefore = Object.keys(Module._cache).some((k) => k.includes("@napi-rs"));
const own = createRequire(import.meta.url)("@napi-rs/canvas");
process.stderr.write(JSON.stringify({ texts, skiaBefore, ownHasCanvas: typeof own.createCanvas === "function" }));
`;

test("pdf.js read without Skia gives every page's text as with it, prints nothing, and leaves other requires of the package alone", async () => {
  const file = sample("tokyo-plan-r5-a4.pdf");
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script, file], { encoding: "utf8", cwd: ROOT });
  expect(child.status).toBe(0);
  expect(child.stdout).toBe(""); // pdf.js warns on stdout when it cannot polyfill
  const got = JSON.parse(child.stderr) as { texts: string[][]; skiaBefore: boolean; ownHasCanvas: boolean };
  expect(got.skiaBefore).toBe(false);
  expect(got.ownHasCanvas).toBe(true);
  const expected = (await readAll(file)).map((p) => p.runs.map((r) => r.text));
  expect(got.texts).toEqual(expected);
  expect(got.texts.flat().join("")).toContain("東京都地域人材確保総合支援事業");
});
