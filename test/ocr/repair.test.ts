import { expect, test } from "vitest";
import { repairNumbers, wordsToRuns } from "../../src/ocr/page.js";
import type { OcrWord } from "../../src/ocr/engine.js";

test("separators OCR misreads in printed amounts become commas; decimals stay", () => {
  expect(repairNumbers("6,.827,266")).toBe("6,827,266");
  expect(repairNumbers("1.928,533")).toBe("1,928,533");
  expect(repairNumbers("3 271,900")).toBe("3,271,900");
  expect(repairNumbers("138.585510")).toBe("138,585,510");
  expect(repairNumbers("_141,176")).toBe("141,176");
  expect(repairNumbers("A1.725,200")).toBe("△1,725,200");
  expect(repairNumbers("97.7%")).toBe("97.7%");
  expect(repairNumbers("令和4年3月31日")).toBe("令和4年3月31日");
});

const word = (text: string, x0: number, x1: number, line = 0, confidence = 0.9): OcrWord => ({ text, x0, x1, y0: 100, y1: 130, confidence, line });

test("words of a line make one run with their least confidence; a rule or a wide gap between them starts another", () => {
  // 300 dpi: 1 pt = 300/72 px.
  const s = 300 / 72;
  const runs = wordsToRuns([word("売", 100, 130), word("掛", 200, 230), word("金", 300, 330), word("113,", 600, 660, 0, 0.7), word("916", 670, 720), word("6,827,266", 1200, 1400)], s, [
    { axis: "v", pos: 1000 / s, start: 0, end: 1000, thickness: 1 },
  ]);
  expect(runs.map((r) => [r.text, r.confidence])).toEqual([["売掛金", 0.9], ["113,916", 0.7], ["6,827,266", 0.9]]);
  expect(runs[1]!.box.x0).toBeCloseTo(600 / s, 1);
});
