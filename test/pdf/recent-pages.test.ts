/** Pages asked for again right after being read (recognition, then the pipeline) are not parsed twice. */
import { expect, test } from "vitest";
import { pipelineByName, recognise } from "../../src/registry.js";
import { open, sample } from "../helpers.js";
import { drive } from "../../src/pipeline/drive.js";

test("recognising a plan and then extracting it reads each of its 4 pages once", async () => {
  const doc = await open(sample("tokyo-plan-r5-a4.pdf"));
  const found = await recognise(doc);
  expect(found.pipeline?.name).toBe("tokyo-jinzai-plan");
  const result = await drive(pipelineByName("tokyo-jinzai-plan")!, doc, undefined);
  expect(result.tables.map((t) => t.records.length)).toEqual([28, 3]);
  expect(doc.readStats()).toEqual({ read: 4, withText: 4, failed: 0 });
  // The same page asked for twice in a row is the same data.
  expect(await doc.page(4)).toBe(await doc.page(4));
  await doc.close();
});
