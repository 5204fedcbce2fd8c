/**
 * Imports go one way: each part of kohyo may import only parts below it in LAYERS (and
 * itself). A file that imports against the flow (the PDF layer reaching into tables, a
 * writer into the CLI, a family's registry into its families) fails here, naming the line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { expect, test } from "vitest";
import { ROOT } from "../helpers.js";

/** From the bottom up; parts on one line may not import each other. */
const LAYERS: readonly (readonly string[])[] = [
  ["model", "errors", "bounded", "version", "built"],
  ["text"],
  ["pdf"],
  ["layout", "normalize", "ocr", "runtime"],
  ["table", "facts"],
  ["checks"],
  ["pipeline"],
  ["guidebook"],
  ["pipelines"],
  ["registry"],
  ["output", "review"],
  ["batch"],
  ["cli"],
  ["index"],
];
const RANK = new Map(LAYERS.flatMap((parts, i) => parts.map((p) => [p, i] as const)));

/** The part a file belongs to: its folder under src/ (or its name, for a file at src/'s top), or pipelines. */
function part(file: string): string {
  const [top, second, third] = relative(ROOT, file).split("/");
  if (top === "pipelines") return "pipelines";
  return third === undefined ? second!.replace(/\.[jt]s$/, "") : second!;
}

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* sources(p);
    else if (/\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name)) yield p;
  }
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.[^"']+)["']/gm;

/** Every relative import of src/ and pipelines/ that goes against LAYERS. */
export function againstTheFlow(): string[] {
  const wrong: string[] = [];
  for (const file of [...sources(join(ROOT, "src")), ...sources(join(ROOT, "pipelines"))]) {
    const text = readFileSync(file, "utf8");
    const from = part(file);
    for (const m of text.matchAll(IMPORT)) {
      const to = part(normalize(join(dirname(file), m[1]!)));
      if (to === from) continue;
      const a = RANK.get(from);
      const b = RANK.get(to);
      const line = text.slice(0, m.index).split("\n").length;
      if (a === undefined || b === undefined) wrong.push(`${relative(ROOT, file)}:${line}: ${a === undefined ? from : to} is in no layer`);
      else if (b >= a) wrong.push(`${relative(ROOT, file)}:${line}: ${from} imports ${to} (${m[1]})`);
    }
  }
  return wrong;
}

test("every import in src/ and pipelines/ goes down the layers (model → pdf → … → cli)", () => {
  expect(againstTheFlow()).toEqual([]);
});

test("the check sees an import against the flow", async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
  const dir = mkdtempSync(join(ROOT, "src", "pdf", ".imports-probe-"));
  try {
    writeFileSync(join(dir, "x.ts"), `import { main } from "../../cli/commands.js";\n`);
    expect(againstTheFlow()).toEqual([expect.stringMatching(/^src\/pdf\/\.imports-probe-\w+\/x\.ts:1: pdf imports cli /)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
