#!/usr/bin/env node
/**
 * The last step of `npm run build`: writes dist/pdfjs/pdf.worker.mjs, pdf.js's worker
 * module with the changes of src/pdf/pdfjsPatch.ts, and dist/pdfjs/pdf.worker.json with
 * the SHA-256 of the installed module it was made from. kohyo loads the copy only while
 * the installed module is that one (src/pdf/pdfjs.ts), so a reinstalled or upgraded
 * pdf.js never runs beside a copy of another version. When the changes do not apply to
 * the installed pdf.js, an older copy is removed and kohyo runs pdf.js as shipped.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "dist/pdfjs");
const { patchWorkerSource } = await import("../dist/src/pdf/pdfjsPatch.js");

const shippedFile = createRequire(import.meta.url).resolve("pdfjs-dist/legacy/build/pdf.worker.mjs");
const shipped = readFileSync(shippedFile);
const { source, patched } = patchWorkerSource(shipped.toString("utf8"));
rmSync(OUT, { recursive: true, force: true });
if (!patched) {
  const { version } = JSON.parse(readFileSync(join(dirname(shippedFile), "../../package.json"), "utf8"));
  console.warn(`kohyo build: src/pdf/pdfjsPatch.ts's changes do not apply to pdfjs-dist ${version}; pdf.js runs as shipped (slower on office PDFs)`);
} else {
  mkdirSync(OUT, { recursive: true });
  // The record last: a copy without its record is never used. The shipped source map
  // does not fit the changed lines: the copy names none.
  writeFileSync(join(OUT, "pdf.worker.mjs"), source.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n"));
  writeFileSync(join(OUT, "pdf.worker.json.tmp"), JSON.stringify({ from: "pdfjs-dist/legacy/build/pdf.worker.mjs", sha256: createHash("sha256").update(shipped).digest("hex") }, null, 2) + "\n");
  renameSync(join(OUT, "pdf.worker.json.tmp"), join(OUT, "pdf.worker.json"));
}
