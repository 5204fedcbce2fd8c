import { expect, test } from "vitest";
import { parsePageSpec } from "../../src/pdf/pages.js";

test.each([
  ["3", 5, [3]],
  ["1-3,5", 5, [1, 2, 3, 5]],
  ["2-", 4, [2, 3, 4]],
  ["-2", 4, [1, 2]],
  ["4,1,4", 5, [1, 4]],
  ["2-9", 4, [2, 3, 4]],
])("page selection %s of %i pages → %j", (spec, count, expected) => {
  expect(parsePageSpec(spec, count)).toEqual(expected);
});

test.each([
  ["0", /bad page range/],
  ["3-1", /bad page range/],
  ["x", /bad page selection/],
  ["9", /page 9 does not exist \(the file has 5\)/],
  [",", /empty page selection/],
])("page selection %s is refused with a reason", (spec, message) => {
  expect(parsePageSpec(spec, 5)).toMatch(message);
});
