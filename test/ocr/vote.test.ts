/**
 * The vote on a number OCR is unsure of (src/ocr/page.ts votedNumber): two more readings
 * taken another way replace the reading only when they agree with each other on a
 * well-formed number; the brackets printed around it stay as read.
 */
import { expect, test } from "vitest";
import { votedNumber } from "../../src/ocr/page.js";

test("two readings that agree on another well-formed number replace it (3 read as 8)", () => {
  expect(votedNumber("6,686,240", ["6,636,240", "6,636,240"])).toBe("6,636,240");
  expect(votedNumber("△9,034,168", ["△9,084,168", "△9,084,168"])).toBe("△9,084,168");
});

test("readings that disagree, agree with the reading, or are no grouped number leave it", () => {
  expect(votedNumber("6,686,240", ["6,636,240", "6,686,240"])).toBe("6,686,240");
  expect(votedNumber("6,686,240", ["6,636,240", "6,636,246"])).toBe("6,686,240");
  expect(votedNumber("6,686,240", ["6,686,240", "6,686,240"])).toBe("6,686,240");
  expect(votedNumber("12,012,337", ["1201233", "1201233"])).toBe("12,012,337");
  expect(votedNumber("85,681,981", ["35,681,981"])).toBe("85,681,981");
  expect(votedNumber("自令和3年4月1日", ["341", "341"])).toBe("自令和3年4月1日");
});

test("a section's brackets around the number stay as read", () => {
  expect(votedNumber("【 139,072,271】", ["139,072,277】", "【139,072,277"])).toBe("【 139,072,277】");
  expect(votedNumber("( 12,012,331)", ["12,012,337", "12,012,337"])).toBe("( 12,012,337)");
});

test("a reading that is no number as printed gives way to the well-formed other readings when they agree", () => {
  // Corpus 25 p.10: 71,311,142 first read 7も311,142; the enlarged look reads it right, the raw line 5311142.
  expect(votedNumber("7も311,142", ["71,311,142", "5311142"])).toBe("71,311,142");
  expect(votedNumber("れ,.559,149", [",559,149", "71,559,149"])).toBe("71,559,149");
  // Two well-formed readings that differ, or none: it stays.
  expect(votedNumber("12,710,452 |", ["12,710,452", "12,710,462"])).toBe("12,710,452 |");
  expect(votedNumber("12,012.33のが", ["1201233", "1201233"])).toBe("12,012.33のが");
});
