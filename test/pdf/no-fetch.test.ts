/**
 * src/pdf/no-fetch.ts: kohyo's own threads load pdf.js without Node making `Response`
 * (and with it undici's fetch), and Node's own `Response` works afterwards; a `Response`
 * already made is left alone. Each case in a fresh process of the built program (a
 * global read once is made for good).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "vitest";
import { ROOT } from "../helpers.js";

function run(script: string): Record<string, unknown> {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const runtime = JSON.stringify(join(ROOT, "dist/src/runtime.js"));
const pdfjs = JSON.stringify(join(ROOT, "dist/src/pdf/pdfjs.js"));

test("pdf.js loads in a kohyo thread without undici, and Response works afterwards", () => {
  const out = run(`
    const { setUpThread } = await import(${runtime}); setUpThread();
    await import(${pdfjs});
    const undici = process.moduleLoadList.some((m) => m.includes("undici"));
    const lazy = typeof Object.getOwnPropertyDescriptor(globalThis, "Response").get === "function";
    const text = await new Response("kohyo").text();
    console.log(JSON.stringify({ undici, lazy, text, bytes: typeof Response.prototype.bytes }));`);
  expect(out).toEqual({ undici: false, lazy: true, text: "kohyo", bytes: "function" });
});

test("without kohyo's set-up (a library host), pdf.js loads as shipped and makes Response", () => {
  const out = run(`
    await import(${pdfjs});
    console.log(JSON.stringify({ undici: process.moduleLoadList.some((m) => m.includes("undici")) }));`);
  expect(out).toEqual({ undici: true });
});

test("a Response already made is left as it is", () => {
  const out = run(`
    const made = globalThis.Response;
    const { setUpThread } = await import(${runtime}); setUpThread();
    await import(${pdfjs});
    console.log(JSON.stringify({ same: globalThis.Response === made }));`);
  expect(out).toEqual({ same: true });
});
