/**
 * Builds dist/ once before the tests that run the real `kohyo` program, as `npm run
 * build` does: the compiled program, then what it uses beside it — the changed copy of
 * pdf.js's worker module (scripts/pdfjs-worker.mjs) and the segmenter's unpacked
 * dictionary (scripts/segmenter-dictionary.mjs), which the sources use too.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

export default function setup(): void {
  execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json")], {
    stdio: "inherit",
  });
  for (const step of ["scripts/pdfjs-worker.mjs", "scripts/segmenter-dictionary.mjs", "scripts/review-assets.mjs"]) execFileSync(process.execPath, [join(ROOT, step)], { stdio: "inherit" });
}
