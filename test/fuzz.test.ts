/**
 * Seeded mutations of the samples (scripts/fuzz.mjs) through the built CLI: for every
 * input a documented exit code, kohyo's own one-line messages naming the file, no stack
 * trace, no hang and bounded RSS. A few dozen here; `npm run fuzz -- --count 5000` for
 * releases (docs/fuzz.md).
 */
import { expect, test } from "vitest";
import { fuzz, MUTATIONS } from "../scripts/fuzz.mjs";

test("40 seeded mutations of the samples (flips, truncation, bogus /Length and /Filter, loops, bombs, nesting, operators, grids) all end as documented", async () => {
  const summary = await fuzz({ count: 40, seed: 2026, jobs: 2 });
  expect(summary.failures).toEqual([]);
  expect(Object.values(summary.byCode).reduce((a: number, b) => a + (b as number), 0)).toBe(40);
  // The seed draws most kinds of mutation: a change to the generator that loses them shows here.
  expect(Object.keys(summary.byMutation).length).toBeGreaterThanOrEqual(Object.keys(MUTATIONS).length - 6);
}, 900_000);
