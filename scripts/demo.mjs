#!/usr/bin/env node
/**
 * `npm run demo` — the main job on the bundled samples: every PDF in samples/ is read
 * (page by page: text lines with boxes, ruling lines) and written to
 * output/<file name>/inspect.json, with one summary line per file. Encrypted samples are
 * opened with the password documented in samples/README.md.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inspect } from "../dist/src/cli/inspect.js";
import { outputName } from "../dist/src/cli/io.js";

const ROOT = new URL("..", import.meta.url).pathname;
const SAMPLES = join(ROOT, "samples");
const OUT = join(ROOT, "output");
const PASSWORDS = { "encrypted-user-password.pdf": "kohyo-user", "tokyo-plan-r5-a4.encrypted.pdf": "kohyo-user" };

const files = readdirSync(SAMPLES).filter((f) => f.toLowerCase().endsWith(".pdf")).sort();
const quiet = { out: () => {}, err: (s) => process.stderr.write(s.startsWith("kohyo: warning") ? "" : s) };
let worst = 0;
for (const f of files) {
  const password = PASSWORDS[f];
  const code = await inspect({ files: [join(SAMPLES, f)], outDir: OUT, ...(password && { password }) }, quiet);
  worst = Math.max(worst, code);
  if (code !== 0) continue;
  const doc = JSON.parse(readFileSync(join(OUT, outputName(f), "inspect.json"), "utf8"));
  const lines = doc.pages.reduce((n, p) => n + p.lines.length, 0);
  const rules = doc.pages.reduce((n, p) => n + p.ruleCount.total, 0);
  console.log(
    `${f.padEnd(34)} ${String(doc.info.pages).padStart(3)} pages ${String(lines).padStart(5)} text lines ${String(rules).padStart(5)} ruling lines → output/${outputName(f)}/inspect.json`,
  );
}
process.exitCode = worst;
