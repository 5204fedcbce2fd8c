/** writeJsonFile writes what JSON.stringify(value, null, 2) gives, piece by piece. */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { writeJsonFile } from "../../src/output/io.js";

const dir = mkdtempSync(join(tmpdir(), "kohyo-json-"));
let n = 0;
const written = (value: unknown, depth?: number) => {
  const path = join(dir, `${n++}.json`);
  writeJsonFile(path, value, depth);
  return readFileSync(path, "utf8");
};

const nested = {
  file: "計画書.pdf",
  empty: {},
  none: [],
  skipped: undefined,
  fn: () => 1,
  when: new Date(Date.UTC(2023, 3, 1)),
  tables: [
    { name: "一般事業", records: [{ no: 1, text: "行1\n行2 \"引用\"", box: { x0: 1.5, y0: 2 }, list: [1, undefined, null, () => 0] }, { no: 2, nested: { deep: { deeper: [[], [{}], ["𠮷"]] } } }] },
    { name: "モデル事業", records: [] },
  ],
  withJson: { toJSON: () => ({ replaced: true }) },
  gone: { toJSON: () => undefined },
};

test.each([0, 1, 2, 3, 4, 5, 10])("nested objects and arrays at depth %i are written as JSON.stringify(v, null, 2) + newline", (depth) => {
  expect(written(nested, depth)).toBe(JSON.stringify(nested, null, 2) + "\n");
});

// eslint-disable-next-line no-sparse-arrays
const sparse = [1, , 3, ,];

test.each([[null], [0], ["文字"], [[]], [{}], [[1, [2, [3]]]], [sparse], [{ boxed: [new Number(5), new String("字"), new Boolean(false)] }], [Array.from({ length: 5000 }, (_, i) => ({ i, s: "あ".repeat(i % 50) }))]])(
  "top-level %j is written as JSON.stringify would",
  (value) => {
    expect(written(value)).toBe(JSON.stringify(value, null, 2) + "\n");
  },
);

test("a value that cannot be written leaves no file behind, not even a partial one", () => {
  const path = join(dir, "bad.json");
  const cyclic: Record<string, unknown> = { big: Array.from({ length: 100 }, (_, i) => ({ i })) };
  cyclic.self = { again: cyclic };
  expect(() => writeJsonFile(path, { records: [cyclic] }, 1)).toThrow();
  expect(existsSync(path)).toBe(false);
  expect(existsSync(`${path}.partial`)).toBe(false);
});
