/**
 * kohyo on the hand-read corpus truth: the share of cells found with their header, of
 * printed totals with a passing check, of facts. The figures are printed; the floors below
 * are what kohyo reaches today and may only go up.
 */
import { expect, test } from "vitest";
import { HAVE_CORPUS } from "../helpers.js";
import { percent, scoreCorpus } from "../truth.js";

test.skipIf(!HAVE_CORPUS)("corpus truth: cells, totals and facts found", async () => {
  const s = await scoreCorpus();
  for (const [what, sc] of Object.entries(s)) {
    console.log(`${what}: ${sc.found}/${sc.total} (${percent(sc)} %)${sc.missed.length ? `\n  missed: ${sc.missed.join("\n          ")}` : ""}`);
  }
  expect(s.cells.found).toBeGreaterThanOrEqual(110);
  expect(s.totals.found).toBeGreaterThanOrEqual(12);
  expect(s.facts.found).toBeGreaterThanOrEqual(17);
  expect(s.rowcounts.found).toBe(s.rowcounts.total);
}, 300_000);
