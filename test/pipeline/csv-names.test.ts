/** One CSV per table, whatever the tables are called. */
import { expect, test } from "vitest";
import type { RecordTable } from "../../src/pipeline/types.js";
import { csvNames } from "../../src/output/write.js";

const named = (...names: string[]) => names.map((name) => ({ name }) as RecordTable);

test("repeated names get -2, -3 … and never the name of another table, compared without case", () => {
  expect(csvNames(named("一般事業", "一般事業", "一般事業-2", "Ab", "ab", "AB", "a/b"))).toEqual([
    "一般事業.csv",
    "一般事業-2.csv",
    "一般事業-2-2.csv",
    "Ab.csv",
    "ab-2.csv",
    "AB-3.csv",
    "a_b.csv",
  ]);
});
