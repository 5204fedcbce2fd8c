// Copies the review page's script and style (src/review/client/) beside the compiled
// review writer (dist/src/review/client/), where it reads them when it runs.
import { cpSync } from "node:fs";

cpSync(new URL("../src/review/client/", import.meta.url), new URL("../dist/src/review/client/", import.meta.url), { recursive: true });
