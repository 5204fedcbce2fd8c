/**
 * `kohyo tables` and `kohyo facts` on a long document: its pages read in chunks on worker
 * threads (the built dist/src/batch/worker.js) give what reading them in this thread gives.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { driveBuiltin } from "../../src/batch/chunks.js";
import { Pool } from "../../src/batch/pool.js";
import { factsPipeline } from "../../src/pipeline/builtin/facts.js";
import { tablesPipeline } from "../../src/pipeline/builtin/tables.js";
import { drive } from "../../src/pipeline/drive.js";
import { repeatedPdf } from "../fixtures.js";
import { open, sample } from "../helpers.js";

let file = "";
let pool: Pool;
let chunks = 0;

beforeAll(async () => {
  // 14 copies of the A4 plan: 56 pages, 一般事業 on pages 1–3 and モデル事業 on page 4 of each copy.
  file = join(mkdtempSync(join(tmpdir(), "kohyo-builtin-workers-")), "book.pdf");
  writeFileSync(file, await repeatedPdf(readFileSync(sample("tokyo-plan-r5-a4.pdf")), 14));
  pool = new Pool(2, new URL("../../dist/src/batch/worker.js", import.meta.url));
  const run = pool.run.bind(pool);
  pool.run = ((task, onPage) => {
    chunks++;
    return run(task, onPage);
  }) as Pool["run"];
});
afterAll(() => pool.close());

const onWorkers = { get: () => pool, close: async () => {}, stop: () => pool.stop() };

test("tables read on workers: each copy's two tables, in page order, as reading in this thread gives them", async () => {
  const doc = await open(file);
  try {
    const before = chunks;
    const split = await driveBuiltin(tablesPipeline(), { name: "tables" }, doc, undefined, { file, pool: onWorkers, ocr: "off" });
    expect(chunks - before).toBeGreaterThan(1);
    expect(split.tables.map((t) => t.pages)).toEqual(Array.from({ length: 14 }, (_, i) => [[4 * i + 1, 4 * i + 2, 4 * i + 3], [4 * i + 4]]).flat());
    const here = await drive(tablesPipeline(), doc);
    expect(split).toEqual(here);
  } finally {
    await doc.close();
  }
});

test("facts read on workers: the same facts and diagnostics as reading in this thread", async () => {
  const doc = await open(file);
  try {
    const before = chunks;
    const split = await driveBuiltin(factsPipeline, { name: "facts" }, doc, undefined, { file, pool: onWorkers, ocr: "off" });
    expect(chunks - before).toBeGreaterThan(1);
    expect(new Set(split.facts.map((f) => f.page)).size).toBeGreaterThan(40);
    expect(split).toEqual(await drive(factsPipeline, doc));
  } finally {
    await doc.close();
  }
});
