import { expect, test } from "vitest";
import { closeWidthGaps } from "../../src/normalize/index.js";

test("the gaps office software prints between Asian and Latin text go", () => {
  expect(closeWidthGaps("R ４ .1.1")).toBe("R４.1.1");
  expect(closeWidthGaps("1 ５６人")).toBe("1５６人");
  expect(closeWidthGaps("114,326 人")).toBe("114,326人");
  expect(closeWidthGaps("H2 ９ .1.1")).toBe("H2９.1.1");
});

test("spaces between two Latin or two Japanese words stay", () => {
  expect(closeWidthGaps("in 釧路")).toBe("in釧路");
  expect(closeWidthGaps("Word, Excel")).toBe("Word, Excel");
  expect(closeWidthGaps("仕事が人を 人が仕事を")).toBe("仕事が人を 人が仕事を");
  expect(closeWidthGaps("1 2")).toBe("1 2");
});
