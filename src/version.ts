import { readFileSync } from "node:fs";

/** kohyo's own version, read from package.json so there is one source of truth. */
export const KOHYO_VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
