import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** kohyo's package.json: the nearest one above this module (src/ when run from source, dist/src/ when built). */
function packageJson(): { version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, "package.json");
    if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as { version: string };
    const up = dirname(dir);
    if (up === dir) throw new Error("kohyo: package.json not found above " + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** kohyo's own version, read from package.json so there is one source of truth. */
export const KOHYO_VERSION: string = packageJson().version;
