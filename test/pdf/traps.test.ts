/**
 * samples/text-layer-traps.pdf is drawn by scripts/build-traps.mjs with pdf-lib, so its
 * truth (texts, positions, rules) is the data the script drew, not kohyo's output.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import type { Page } from "../../src/model/page.js";
import { readAll, sample } from "../helpers.js";

interface Truth {
  texts: { page: number; raw: string; text: string; x: number; y: number; size: number; display: { x?: number; top?: number } }[];
  rules: Record<string, { horizontal: { pos: number; start: number; end: number }[]; vertical: { pos: number; start: number; end: number }[] }>;
  fakeBold: { page: number; text: string; copies: number }[];
  rotated: { page: number; width: number; height: number };
  offset: { page: number; width: number; height: number };
  noText: { page: number };
  vertical: { page: number; text: string; x: number; top: number; size: number; length: number };
}
const truth = JSON.parse(readFileSync(sample("text-layer-traps.truth.json"), "utf8")) as Truth;
let pages: Page[];
beforeAll(async () => {
  pages = await readAll(sample("text-layer-traps.pdf"));
});
const page = (n: number) => pages[n - 1]!;

describe("text repair on a real text layer", () => {
  test("the PDF's ToUnicode really holds radicals (the trap is armed)", () => {
    const raws = page(1).runs.map((r) => r.raw).join("");
    expect(raws).toMatch(/[\u2E80-\u2FDF]/u);
  });

  test("every drawn text reads back repaired, with its raw text kept", () => {
    for (const t of truth.texts) {
      const runs = page(t.page).runs.filter((r) => r.text === t.text);
      expect(runs.length, `${t.text} on page ${t.page}`).toBeGreaterThan(0);
      expect(runs.some((r) => r.raw === t.raw || r.raw.normalize("NFKC") === t.raw.normalize("NFKC"))).toBe(true);
    }
  });

  test("no radicals are left anywhere", () => {
    for (const p of pages) for (const r of p.runs) expect(r.text).not.toMatch(/[\u2E80-\u2FDF]/u);
  });

  test("fake-bold copies are dropped, real repeats kept", () => {
    for (const fb of truth.fakeBold) {
      expect(page(fb.page).runs.filter((r) => r.text === fb.text), fb.text).toHaveLength(fb.copies);
    }
  });
});

describe("boxes: points, top-left origin", () => {
  test("a run's box sits on its baseline: top = page height − y, left = x", () => {
    for (const t of truth.texts.filter((t) => t.page === 1)) {
      const run = page(1).runs.find((r) => r.text === t.text && Math.abs(r.box.x0 - t.x) < 0.5)!;
      expect(run, t.text).toBeDefined();
      const top = t.display.top!;
      // The baseline lies inside the box, in its lower part (descent is about 12% of an em).
      expect(run.box.y1).toBeGreaterThan(top);
      expect(run.box.y1 - top).toBeLessThan(0.3 * t.size);
      expect(top - run.box.y0).toBeGreaterThan(0.6 * t.size);
      expect(run.size).toBeCloseTo(t.size, 1);
    }
  });

  test("a rotated page is reported displayed: width and height swapped, text turned", () => {
    const p = page(truth.rotated.page);
    expect(p.rotation).toBe(90);
    expect(p.width).toBeCloseTo(truth.rotated.width, 1);
    expect(p.height).toBeCloseTo(truth.rotated.height, 1);
    const t = truth.texts.find((t) => t.page === truth.rotated.page)!;
    const run = p.runs.find((r) => r.text === t.text)!;
    // Drawn at user (x, y) on a page turned 90° clockwise: shown at (y, x), reading downwards.
    expect(run.box.y0).toBeCloseTo(t.x, 0);
    expect(run.box.y1 - run.box.y0).toBeCloseTo(Array.from(t.text).length * t.size, 0);
    expect(run.box.x0).toBeLessThan(t.y);
    expect(run.box.x1).toBeGreaterThan(t.y);
  });

  test("a MediaBox that does not start at 0,0 is offset away", () => {
    const p = page(truth.offset.page);
    expect(p.width).toBeCloseTo(truth.offset.width, 1);
    expect(p.height).toBeCloseTo(truth.offset.height, 1);
    const t = truth.texts.find((t) => t.page === truth.offset.page)!;
    const run = p.runs.find((r) => r.text === t.text)!;
    expect(run.box.x0).toBeCloseTo(t.display.x!, 1);
    expect(run.box.y1).toBeGreaterThan(t.display.top!);
    expect(run.box.y1 - t.display.top!).toBeLessThan(0.3 * t.size);
  });
});

test("vertical writing (UniJIS-UTF16-V, font not embedded) reads as one vertical run, boxed along its column", () => {
  // Drawn from user (300, 700) downwards at 20 pt: the glyph origin is the top centre, so the
  // column spans x 300 ± 10 and runs 7 × 20 pt down from the top (checked on the rendered page).
  const v = truth.vertical;
  const runs = page(v.page).runs;
  expect(runs.map((r) => r.text)).toEqual([v.text]);
  const run = runs[0]!;
  expect(run.vertical).toBe(true);
  expect(run.font).toBe("MS-Mincho");
  expect(run.size).toBeCloseTo(v.size, 1);
  expect(run.box.x0).toBeCloseTo(v.x - v.size / 2, 0);
  expect(run.box.x1).toBeCloseTo(v.x + v.size / 2, 0);
  expect(run.box.y0).toBeCloseTo(v.top, 0);
  expect(run.box.y1).toBeCloseTo(v.top + v.length, 0);
});

describe("ruling lines", () => {
  test("a grid drawn in touching pieces and as thin filled bars gives one rule per line", () => {
    const expected = truth.rules["1"]!;
    const rules = page(1).rules;
    const h = rules.filter((r) => r.axis === "h");
    const v = rules.filter((r) => r.axis === "v");
    expect(h).toHaveLength(expected.horizontal.length);
    expect(v).toHaveLength(expected.vertical.length);
    for (const e of expected.horizontal) {
      const r = h.find((r) => Math.abs(r.pos - e.pos) < 0.5)!;
      expect(r, `h at ${e.pos}`).toBeDefined();
      expect(r.start).toBeCloseTo(e.start, 0);
      expect(r.end).toBeCloseTo(e.end, 0);
    }
    for (const e of expected.vertical) {
      const r = v.find((r) => Math.abs(r.pos - e.pos) < 0.5)!;
      expect(r, `v at ${e.pos}`).toBeDefined();
      expect(r.start).toBeCloseTo(e.start, 0);
      expect(r.end).toBeCloseTo(e.end, 0);
    }
  });

  test("white bars and thick shaded blocks are not rules", () => {
    // The white bar lies at top 591.39, the grey block spans 651.89–691.89.
    expect(page(1).rules.some((r) => r.axis === "h" && r.pos > 580)).toBe(false);
  });
});

test("a page without text in a normal PDF is a warning, not an error", () => {
  const p = page(truth.noText.page);
  expect(p.runs).toHaveLength(0);
  expect(p.rules).toHaveLength(1);
  expect(p.diagnostics).toEqual([expect.objectContaining({ severity: "warning", rule: "pdf/page-no-text", page: 4 })]);
});
