#!/usr/bin/env node
/**
 * Bench worker: kohyo's table extraction on one PDF — findTables on every page, then
 * stitchTables and checkTotals — printing the tables' data rows and the total checks as
 * JSON, so the parent can score them against the truth. Usage: tables.mjs FILE [PASSWORD]
 */
import { checkTotals, dataRows, findTables, openPdf, stitchTables, setUpProcess } from "../dist/src/index.js";

// As the kohyo CLI runs (src/runtime.ts).
setUpProcess();

const [file, password] = process.argv.slice(2);
const r = await openPdf(file, password ? { password } : {});
if (!r.ok) {
  console.error(r.error.message);
  process.exit(r.error.exitCode);
}
let pages = 0;
const found = [];
for await (const page of r.doc.pages()) {
  pages++;
  found.push(...findTables(page));
}
await r.doc.close();
const tables = stitchTables(found);
const checks = tables.flatMap(checkTotals);
process.stdout.write(
  JSON.stringify({
    pages,
    tables: tables.map((t) => ({ id: t.id, pages: t.pages, rows: dataRows(t) })),
    totals: { checks: checks.length, ok: checks.filter((c) => c.ok).length, failed: checks.filter((c) => !c.ok).slice(0, 5) },
  }),
);
