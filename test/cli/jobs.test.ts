/**
 * --jobs on tables and facts: how many worker threads read a long document's pages (and
 * OCR). One thread or several, the output is the same; a bad count is a usage error.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { corpus, HAVE_CORPUS, kohyo, outputNameOf, sample } from "../helpers.js";

test.skipIf(!HAVE_CORPUS)("tables and facts on a 52-page book give the same output on one thread (--jobs 1) as on two workers (--jobs 2)", () => {
  const file = corpus("17_nankoku-city_R3_ippan-kaikei-hosei-yosan.pdf");
  for (const command of ["tables", "facts"]) {
    const [one, two] = ["1", "2"].map((jobs) => {
      const dir = mkdtempSync(join(tmpdir(), "kohyo-jobs-"));
      const r = kohyo(command, file, "--jobs", jobs, "-o", dir);
      expect(r.code, r.err).toBe(0);
      return readFileSync(join(dir, outputNameOf(file), `${command}.json`), "utf8");
    });
    expect(two).toEqual(one);
    expect(JSON.parse(one!).pages).toBe(52);
  }
}, 180_000);

test("--jobs 0 or a word is a usage error naming the option (tables, facts)", () => {
  for (const [command, value] of [["tables", "0"], ["facts", "two"]] as const) {
    const r = kohyo(command, sample("tokyo-plan-r5-a4.pdf"), "--jobs", value);
    expect(r.code).toBe(64);
    expect(r.err).toContain(`--jobs is a whole number ≥ 1, not "${value}"`);
  }
});
