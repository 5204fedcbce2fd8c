/**
 * Inconsistencies the sample guidebook does not have, made by cutting parts of its pages
 * away: a programme page whose 問い合わせ先 is gone, contents missing a line, a table whose
 * last column is gone. Where to cut is read from the sample itself.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { guidebook } from "../../pipelines/guidebook.js";
import { groupLines } from "../../src/layout/lines.js";
import { openPdf } from "../../src/pdf/load.js";
import type { PipelineResult } from "../../src/pipeline/types.js";
import { findTables } from "../../src/table/find.js";
import { cropped } from "../fixtures.js";
import { readAll, sample } from "../helpers.js";
import { drive } from "../../src/pipeline/drive.js";

const FILE = sample("guidebook-tohoku-r6.pdf");

async function run(bytes: Uint8Array): Promise<PipelineResult> {
  const opened = await openPdf(bytes, { name: "cropped.pdf" });
  if (!opened.ok) throw opened.error;
  try {
    return await drive(guidebook, opened.doc, undefined);
  } finally {
    await opened.doc.close();
  }
}
const failing = (r: PipelineResult) => r.tables.flatMap((t) => t.checks).filter((c) => !c.ok);

test("a programme page whose 問い合わせ先 block is cut away is reported, with the programme and its page", async () => {
  const pages = await readAll(FILE);
  const p5 = pages[4]!;
  const marker = groupLines(p5.runs).find((l) => l.text.startsWith("○"))!;
  const bytes = await cropped(readFileSync(FILE), [{ page: 5, box: { x0: 0, y0: 0, x1: p5.width, y1: marker.box.y0 - 2 } }]);
  const r = await run(bytes);
  const contact = failing(r).filter((c) => c.rule === "page/contact");
  expect(contact.map((c) => c.page)).toEqual([4, 5, 12]);
  const c = contact.find((x) => x.page === 5)!;
  expect(c.message).toContain("中小企業・小規模事業者 人材活用ガイドライン");
  expect(c.severity).toBe("warning");
});

test("contents that lose a line leave its page in no entry: toc/tiling names the page", async () => {
  const pages = await readAll(FILE);
  const toc = pages[1]!;
  const last = groupLines(toc.runs).find((l) => l.text.startsWith("賃上げ促進税制"))!;
  const bytes = await cropped(readFileSync(FILE), [{ page: 2, box: { x0: 0, y0: 0, x1: toc.width, y1: last.box.y0 - 6 } }]);
  const r = await run(bytes);
  const tiling = failing(r).filter((c) => c.rule === "toc/tiling");
  expect(tiling).toHaveLength(1);
  expect(tiling[0]!.message).toContain("page 17 is in no entry");
  expect(tiling[0]!.severity).toBe("error");
  expect(r.tables.find((t) => t.name === "事業")!.records.map((p: any) => p.page)).not.toContain(17);
});

test("a stated count whose list lost an item fails: 下記3コース with two courses left", async () => {
  const pages = await readAll(FILE);
  const p28 = pages[27]!;
  const [table] = findTables(p28);
  const third = table!.cells.find((c) => c.text.startsWith("産業連携"))!;
  const bytes = await cropped(readFileSync(FILE), [{ page: 28, box: { x0: 0, y0: 0, x1: third.box.x0, y1: p28.height } }]);
  const r = await run(bytes);
  const count = failing(r).filter((c) => c.rule === "count/stated");
  expect(count.map((c) => [c.page, c.printed, c.sum, c.difference])).toEqual([[28, 3, 2, -1]]);
  expect(count[0]!.message).toContain("states 3, but 2 items are listed");
});
