/**
 * The tokyo-jinzai-plan record schema, made on first use (zod loaded then, see
 * pipelines/tokyo-jinzai-plan.ts): it is the same schema each time it is asked for, a
 * record of the form passes, and a 整理番号 that is not a positive integer or a
 * municipality code that is not six digits fails on that field.
 */
import { expect, test } from "vitest";
import { spec } from "../../pipelines/tokyo-jinzai-plan.js";

const record = {
  no: 1,
  municipality: { name: "八王子市", code: "132012" },
  theme: null,
  projectName: "介護人材確保事業",
  description: "介護職員の採用を支援する",
  targetGroups: [],
  category: "労働力確保事業",
  amountYen: 1_000_000,
  subsidyYen: 500_000,
  amountGroup: 1,
  targets: { employed: 10, firmsAcquired: null, firmsSupported: null },
  startDate: "2023-04",
  contact: { departments: ["福祉部"], phone: null, extension: null, note: null },
};

test("the record schema is made once, passes a record of the form, and fails a bad 整理番号 or municipality code on its field", () => {
  expect(spec.record).toBe(spec.record);
  expect(spec.record.safeParse(record).success).toBe(true);
  const badNo = spec.record.safeParse({ ...record, no: 0 });
  expect(badNo.success).toBe(false);
  expect(badNo.error?.issues.map((i) => i.path.join("."))).toEqual(["no"]);
  const badCode = spec.record.safeParse({ ...record, municipality: { name: "八王子市", code: "13201" } });
  expect(badCode.error?.issues.map((i) => i.path.join("."))).toEqual(["municipality.code"]);
});
