/**
 * Builds dist/ once before the tests that run the real `kohyo` program, as `npm run
 * build` does: the compiled program, then the changed copy of pdf.js's worker module
 * (scripts/pdfjs-worker.mjs) that both the program and the sources use.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

export default function setup(): void {
  execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json")], {
    stdio: "inherit",
  });
  execFileSync(process.execPath, [join(ROOT, "scripts/pdfjs-worker.mjs")], { stdio: "inherit" });
}
