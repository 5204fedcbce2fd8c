/** Builds dist/ once before the tests that run the real `kohyo` program. */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

export default function setup(): void {
  execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json")], {
    stdio: "inherit",
  });
}
