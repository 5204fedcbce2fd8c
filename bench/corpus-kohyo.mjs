#!/usr/bin/env node
/**
 * Bench worker: kohyo's tables of one PDF as the truth's grids (gridOf) and its total
 * checks, as JSON. A second argument, pages (9,10), reads those of them that are scans by
 * OCR as --ocr auto does (the truth's pages: OCR takes seconds a page).
 */
import { checkTotals, findTables, openPdf, setUpProcess, stitchTables } from "../dist/src/index.js";
import { gridOf } from "../dist/src/table/match.js";
import { ocrReader } from "../dist/src/ocr/index.js";

setUpProcess();
const scans = new Set((process.argv[3] ?? "").split(",").filter(Boolean).map(Number));
const reader = scans.size ? ocrReader("auto", 1) : undefined;
const pictures = reader && { ...reader, wants: (page, text) => (scans.has(page.number) ? reader.wants(page, text) : null) };
const r = await openPdf(process.argv[2], pictures ? { pictures } : {});
if (!r.ok) process.exit(r.error.exitCode);
const found = [];
for await (const page of r.doc.pages()) found.push(...findTables(page));
await r.doc.close();
await reader?.close();
const tables = stitchTables(found);
process.stdout.write(JSON.stringify({ grids: tables.map(gridOf), totals: tables.flatMap(checkTotals).map(({ page, label, printed, severity, row, terms }) => ({ page, label, printed, severity, row, terms: terms?.map(({ row, value }) => ({ row, value })) })) }));
