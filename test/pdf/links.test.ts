import { expect, test } from "vitest";
import { groupLines } from "../../src/layout/lines.js";
import { readSample } from "../helpers.js";

const inside = (inner: { x0: number; y0: number; x1: number; y1: number }, outer: typeof inner, slack = 2) =>
  inner.x0 >= outer.x0 - slack && inner.x1 <= outer.x1 + slack && inner.y0 >= outer.y0 - slack && inner.y1 <= outer.y1 + slack;

test("a page's link annotations come with their web address and the box of the linked words", async () => {
  const pages = await readSample("guidebook-tohoku-r6.pdf");
  const page = pages[3]!; // printed page 4: the title links the report, a line below links METI's page
  expect(page.links.map((l) => l.url)).toEqual([
    "https://www.meti.go.jp/policy/economy/jinteki_shihon/pdf/report2.0.pdf",
    "https://www.meti.go.jp/policy/economy/jinteki_shihon/index.html",
  ]);
  const lines = groupLines(page.runs);
  const title = lines.find((l) => l.text.startsWith("人材版伊藤レポート"))!;
  const here = lines.find((l) => l.text.endsWith("こちら"))!;
  expect(inside(page.links[0]!.box, title.box)).toBe(true);
  expect(inside(page.links[1]!.box, here.box)).toBe(true);
});

test("pages without links have none; the cover links nowhere", async () => {
  const pages = await readSample("guidebook-tohoku-r6.pdf");
  expect(pages[0]!.links).toEqual([]);
  expect((await readSample("tokyo-plan-r5-a4.pdf")).every((p) => p.links.length === 0)).toBe(true);
});
