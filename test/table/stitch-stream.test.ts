/**
 * Stitching as a stream (Stitcher): pages given one at a time hand each table back as
 * soon as it is complete, so a reader can drop the pages before it. The page layout of
 * every ruled rendering comes from samples/tokyo-plan-r5.truth.json.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { findTables } from "../../src/table/find.js";
import { Stitcher, stitchTables } from "../../src/table/stitch.js";
import { readSample, sample } from "../helpers.js";

interface Rendering { file: string; pageLayout: { page: number; table: string }[]; cellBorders?: boolean }
const truth = JSON.parse(readFileSync(sample("tokyo-plan-r5.truth.json"), "utf8")) as { renderings: Rendering[] };

describe.each(truth.renderings.map((r) => [r.file, r] as const))("%s page by page", (_file, rendering) => {
  test("each table comes back on the first page that does not continue it, the last one at the end, as stitchTables gives them", async () => {
    const pages = await readSample(rendering.file);
    const stitcher = new Stitcher();
    const handedBack: { at: number | "end"; pages: number[] }[] = [];
    const openSince: (number | null)[] = [];
    for (const p of pages) {
      for (const t of stitcher.push(p.number, findTables(p))) handedBack.push({ at: p.number, pages: t.pages });
      openSince.push(stitcher.openSince);
    }
    for (const t of stitcher.finish()) handedBack.push({ at: "end", pages: t.pages });

    // From the truth: which table each page holds, in order.
    const names = [...new Set(rendering.pageLayout.map((l) => l.table))];
    const spans = names.map((n) => rendering.pageLayout.filter((l) => l.table === n).map((l) => l.page));
    expect(handedBack).toEqual(spans.map((pagesOf, i) => ({ at: i + 1 < spans.length ? spans[i + 1]![0]! : "end", pages: pagesOf })));
    // While a table is open, the pages before its first one are no longer needed.
    expect(openSince).toEqual(pages.map((p) => spans.find((s) => s.includes(p.number))![0]!));
    expect(stitchTables(pages.flatMap((p) => findTables(p))).map((t) => t.pages)).toEqual(spans);
  });
});

test("a page without tables completes the table open before it", () => {
  const stitcher = new Stitcher();
  const table = { page: 1, box: { x0: 0, y0: 100, x1: 500, y1: 700 }, xs: [0, 250, 500], ys: [100, 400, 700], rows: 2, cols: 2, cells: [] };
  expect(stitcher.push(1, [table])).toEqual([]);
  expect(stitcher.openSince).toBe(1);
  expect(stitcher.push(2, []).map((t) => t.pages)).toEqual([[1]]);
  expect(stitcher.openSince).toBeNull();
  expect(stitcher.finish()).toEqual([]);
});
