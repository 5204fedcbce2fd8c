/** Glyph edges on runs (TextRun.edges) and the character boxes facts are located with. */
import { expect, test } from "vitest";
import { lineChars } from "../../src/facts/chars.js";
import { extractFacts } from "../../src/facts/extract.js";
import { groupLines } from "../../src/layout/lines.js";
import { readSample } from "../helpers.js";

test("every run whose text repair did not change in length has one edge per character and one more, inside its box", async () => {
  for (const name of ["text-layer-traps.pdf", "tokyo-plan-r5-a4.pdf"]) {
    for (const page of await readSample(name)) {
      for (const run of page.runs) {
        if (run.text.length !== run.raw.length) continue;
        const edges = run.edges!;
        expect(edges).toHaveLength(run.text.length + 1);
        const { x0, y0, x1, y1 } = run.box;
        const [lo, hi] = [Math.min(...edges), Math.max(...edges)];
        // Along x (across the page) or along y (vertical writing, a rotated page); the box
        // may be wider than the edges by an ideographic space trimmed off the text.
        const within = (a: number, b: number) => lo >= a - 0.02 && hi <= b + 0.02 && hi > lo;
        const alongX = within(x0, x1);
        const alongY = within(y0, y1);
        expect(alongX || alongY, `${name} p.${page.number} ${run.text}`).toBe(true);
      }
    }
  }
});

test("the traps' glyph edges are where pdf-lib drew the glyphs (scripts/build-traps.mjs)", async () => {
  const [p1, p2, , , p5] = await readSample("text-layer-traps.pdf");
  // Page 1: 補助⾦の交付⽇ in 14 pt from x = 72, one em per character.
  expect(p1!.runs.find((r) => r.text === "補助金の交付日")!.edges).toEqual([72, 86, 100, 114, 128, 142, 156, 170]);
  // Page 2 is rotated by 90°: the text reads down the displayed page, from y = 100, 16 pt a character.
  expect(p2!.runs.find((r) => r.text === "回転したページ")!.edges).toEqual([100, 116, 132, 148, 164, 180, 196, 212]);
  // Page 5: vertical writing, 20 pt a character, from y = 141.89.
  expect(p5!.runs.find((r) => r.text === "縦書きの見出し")!.edges![1]).toBeCloseTo(161.89, 2);
  // ｷｬﾘｱｱｯﾌﾟ was composed into キャリアアップ: no edges, the box is shared out instead.
  expect(p1!.runs.find((r) => r.text === "キャリアアップ助成金")!.edges).toBeUndefined();
});

test("a line's character boxes follow its runs, with the gap between runs for the space groupLines puts there", async () => {
  const [p1] = await readSample("text-layer-traps.pdf");
  const line = groupLines(p1!.runs).find((l) => l.text === "補助金の交付日")!;
  const { boxes, runOffsets } = lineChars(line);
  expect(boxes).toHaveLength(line.text.length);
  expect(runOffsets).toEqual([0]);
  expect(boxes.map((b) => [b.x0, b.x1])).toEqual([[72, 86], [86, 100], [100, 114], [114, 128], [128, 142], [142, 156], [156, 170]]);
});

test("the Tokyo plan's start dates and phone numbers are facts inside their cells", async () => {
  // Row 1 of the sample (truth: 令和5年4月1日, 03-3546-5329): both in the right-hand cells of page 1.
  const [p1] = await readSample("tokyo-plan-r5-a4.pdf");
  const facts = extractFacts(p1!);
  const date = facts.find((f) => f.kind === "date" && f.value === "2023-04-01")!;
  const phone = facts.find((f) => f.kind === "phone" && f.value === "0335465329")!;
  expect(date.text).toBe("令和5年4月1日");
  expect(phone.detail.number).toBe("03-3546-5329");
  // The phone sits in the 問合せ先 column, right of the 開始 column, and below the header.
  expect(phone.box.x0).toBeGreaterThan(date.box.x1);
  expect(date.box.y0).toBeGreaterThan(100);
});
