/**
 * Reading stops when its signal is aborted (Ctrl-C, src/batch/interrupt.ts): in this
 * thread before the next page, the signal's reason thrown, no table handed on that was not
 * complete. The A4 plan sample: 一般事業 on pages 1–3, モデル事業 on
 * page 4 (samples/tokyo-plan-r5.truth.json's page layout).
 */
import { expect, test } from "vitest";
import { Interrupted } from "../../src/batch/pool.js";
import { tablesPipeline, type TableJson } from "../../src/pipeline/builtin/tables.js";
import { drive } from "../../src/pipeline/drive.js";
import { open, sample } from "../helpers.js";

test("aborted after page 3, drive reads no 4th page, throws the reason, and hands the sink no table (一般事業 is complete only once page 4 is read)", async () => {
  const doc = await open(sample("tokyo-plan-r5-a4.pdf"));
  try {
    const controller = new AbortController();
    const given: TableJson[] = [];
    const read: number[] = [];
    const reading = drive(tablesPipeline(), doc, undefined, async (t) => void given.push(t), (n) => {
      read.push(n);
      if (n === 3) controller.abort(new Interrupted());
    }, controller.signal);
    await expect(reading).rejects.toBeInstanceOf(Interrupted);
    expect(read).toEqual([1, 2, 3]);
    // 一般事業 (pages 1–3) might go on over page 4: it is not complete, and nothing went to the sink.
    expect(given).toEqual([]);
  } finally {
    await doc.close();
  }
});

test("a signal aborted before reading starts reads no page", async () => {
  const doc = await open(sample("tokyo-plan-r5-a4.pdf"));
  try {
    const read: number[] = [];
    await expect(drive(tablesPipeline(), doc, undefined, undefined, (n) => void read.push(n), AbortSignal.abort(new Interrupted()))).rejects.toBeInstanceOf(Interrupted);
    expect(read).toEqual([]);
  } finally {
    await doc.close();
  }
});
