/** First and last characters by code point: a character outside the BMP (𠮷) is one character. */
import { expect, test } from "vitest";
import { firstChar, lastChar } from "../../src/text/repair.js";

test.each([
  ["𠮷野家", "𠮷", "家"],
  ["吉野𠮷", "吉", "𠮷"],
  ["a", "a", "a"],
  ["", "", ""],
  ["\udc00x\ud842", "\udc00", "\ud842"], // lone surrogates stay single
])("%j: first %j, last %j", (s, first, last) => {
  expect(firstChar(s)).toBe(first);
  expect(lastChar(s)).toBe(last);
  expect(lastChar(s)).toBe(Array.from(s).pop() ?? "");
});
