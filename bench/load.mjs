#!/usr/bin/env node
/** Bench worker: load a PDF with kohyo's PDF layer, every page (text runs + ruling lines). */
import { openPdf, setUpProcess } from "../dist/src/index.js";

// As the kohyo CLI runs (src/runtime.ts).
setUpProcess();

const file = process.argv[2];
const r = await openPdf(file);
if (!r.ok) {
  console.error(r.error.message);
  process.exit(r.error.exitCode);
}
let pages = 0, runs = 0, rules = 0;
for await (const page of r.doc.pages()) {
  pages++;
  runs += page.runs.length;
  rules += page.rules.length;
}
await r.doc.close();
process.stdout.write(JSON.stringify({ pages, runs, rules }));
