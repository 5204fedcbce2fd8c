#!/usr/bin/env node
/** Bench worker: kohyo's tables of one PDF as the truth's grids (gridOf) and its total checks, as JSON. */
import { checkTotals, findTables, openPdf, setUpProcess, stitchTables } from "../dist/src/index.js";
import { gridOf } from "../dist/src/table/match.js";

setUpProcess();
const r = await openPdf(process.argv[2], {});
if (!r.ok) process.exit(r.error.exitCode);
const found = [];
for await (const page of r.doc.pages()) found.push(...findTables(page));
await r.doc.close();
const tables = stitchTables(found);
process.stdout.write(JSON.stringify({ grids: tables.map(gridOf), totals: tables.flatMap(checkTotals).map(({ page, label, printed, severity, row, terms }) => ({ page, label, printed, severity, row, terms: terms?.map(({ row, value }) => ({ row, value })) })) }));
