/**
 * What `npm run build` writes beside the compiled program, for it to use when it runs:
 * dist/<name>/ (dist/pdfjs: pdf.js's changed worker code; dist/segmenter: the segmenter's
 * dictionary unpacked). Found from the compiled program (dist/src/…) or from the sources
 * (src/…, as the tests run them); null when the build did not write it.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function builtDir(name: string): string | null {
  for (const dir of [`../${name}/`, `../dist/${name}/`]) {
    const path = fileURLToPath(new URL(dir, import.meta.url));
    if (existsSync(path)) return path;
  }
  return null;
}
