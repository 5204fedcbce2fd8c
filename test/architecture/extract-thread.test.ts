/**
 * `kohyo extract`'s own thread coordinates and assembles; its worker threads read the
 * pages. It must not load pdf.js (about 0.2 s of CPU and 20-odd MB in that thread, for
 * nothing): no import from src/cli/extract.ts — static, re-exported or dynamic, followed
 * through every module — reaches src/pdf/pdfjs.ts. (The workers' module, src/batch/worker.ts,
 * is started by URL, not imported.)
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { expect, test } from "vitest";
import { ROOT } from "../helpers.js";

/** Value imports (not `import type`/`export type`): `import … from`, `export … from`, `import(…)`, bare `import "…"`. */
const IMPORT = /(?:^\s*import\s+(?!type\b)[^;]*?\bfrom\s*|^\s*export\s+(?!type\b)[^;]*?\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.[^"']+)["']/gm;

/** The source files `entry` loads, following every relative value import. */
function loaded(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = join(dirname(file), m[1]!.replace(/\.js$/, ".ts"));
      if (existsSync(target)) todo.push(target);
    }
  }
  return new Set([...seen].map((f) => relative(ROOT, f)));
}

test("kohyo extract's own thread loads no pdf.js: nothing src/cli/extract.ts imports reaches src/pdf/pdfjs.ts", () => {
  const files = loaded(join(ROOT, "src/cli/extract.ts"));
  expect(files.has("src/batch/run.ts")).toBe(true); // the closure is followed
  expect(files.has("src/registry.ts")).toBe(true); // dynamic imports too
  expect([...files].filter((f) => f === "src/pdf/pdfjs.ts" || f === "src/pdf/load.ts")).toEqual([]);
});

test("the check sees pdf.js reached: src/cli/tables.ts opens documents in its own thread", () => {
  expect(loaded(join(ROOT, "src/cli/tables.ts")).has("src/pdf/pdfjs.ts")).toBe(true);
});

/** A static value import of a package (`import type` aside). */
const importsStatically = (file: string, pkg: string): boolean =>
  new RegExp(`^\\s*import\\s+(?!type\\b)[^;]*?\\bfrom\\s*["']${pkg}["']`, "m").test(readFileSync(join(ROOT, file), "utf8"));

test("the threads that read pages and assemble load kuromoji and zod only when they are used: nothing src/batch/worker.ts or src/cli/extract.ts loads imports them statically", () => {
  const files = new Set([...loaded(join(ROOT, "src/batch/worker.ts")), ...loaded(join(ROOT, "src/cli/extract.ts"))]);
  expect(files.has("src/normalize/targetGroups.ts")).toBe(true);
  expect(files.has("pipelines/tokyo-jinzai-plan.ts")).toBe(true);
  expect([...files].filter((f) => importsStatically(f, "kuromoji") || importsStatically(f, "zod"))).toEqual([]);
});
