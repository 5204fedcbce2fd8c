/** Files of a batch that share a name (plan.pdf in 2023/ and 2024/) get output folders of their own. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { outputNames } from "../../src/output/io.js";
import { kohyo, sample } from "../helpers.js";

test("a name of its own stays; shared names become the paths below the common folder, joined with _; no two alike, case aside", () => {
  const names = outputNames(["in/2023/plan.pdf", "in/2024/plan.PDF", "in/2024/sub/Plan.pdf", "other/budget.pdf", "in/2023_plan.pdf", "other/budget.pdf"]);
  expect(Object.fromEntries(names)).toEqual({
    "other/budget.pdf": "budget",
    "in/2023_plan.pdf": "2023_plan",
    "in/2023/plan.pdf": "2023_plan-2",
    "in/2024/plan.PDF": "2024_plan",
    "in/2024/sub/Plan.pdf": "2024_sub_Plan",
  });
});

test("kohyo extract over two folders holding plan.pdf writes both, each to its own folder, listed in the manifest", () => {
  const dir = mkdtempSync(join(tmpdir(), "kohyo-names-"));
  for (const year of ["2023", "2024"]) {
    mkdirSync(join(dir, "in", year), { recursive: true });
    copyFileSync(sample(year === "2023" ? "tokyo-plan-r5-a4.pdf" : "tokyo-plan-r5-a4-mistyped.pdf"), join(dir, "in", year, "plan.pdf"));
  }
  const r = kohyo("extract", join(dir, "in"), "-o", join(dir, "out"), "--jobs", "1");
  expect(r.code).toBe(1); // the 2024 copy is the mistyped rendering: its 合計 check fails
  const valid = (name: string) => JSON.parse(readFileSync(join(dir, "out", name, "records.json"), "utf8")).valid;
  expect([valid("2023_plan"), valid("2024_plan")]).toEqual([true, false]);
  const manifest = JSON.parse(readFileSync(join(dir, "out", "manifest.json"), "utf8"));
  expect(manifest.files.map((f: { output: string }) => f.output).sort()).toEqual([join(dir, "out", "2023_plan"), join(dir, "out", "2024_plan")]);
});

test("a file whose output folder now belongs to another file of the batch is read again, not skipped; a folder and a file in it read the file once", () => {
  const dir = mkdtempSync(join(tmpdir(), "kohyo-names-"));
  mkdirSync(join(dir, "in", "2023"), { recursive: true });
  mkdirSync(join(dir, "in", "2024"), { recursive: true });
  copyFileSync(sample("tokyo-plan-r5-a4.pdf"), join(dir, "in", "2023", "plan.pdf"));
  copyFileSync(sample("tokyo-plan-r5-a3-mincho.pdf"), join(dir, "in", "2024", "plan.pdf"));
  const out = join(dir, "out");
  expect(kohyo("extract", join(dir, "in"), "-o", out, "--jobs", "1").code).toBe(0);
  // A different document arrives whose own name is the folder 2023/plan.pdf was written to.
  copyFileSync(sample("tokyo-plan-r5-a4-mistyped.pdf"), join(dir, "in", "2023_plan.pdf"));
  const again = kohyo("extract", join(dir, "in"), join(dir, "in", "2023", "plan.pdf"), "-o", out, "--jobs", "1");
  expect(again.code).toBe(1); // the newcomer's 合計 check fails
  const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
  const byFile = Object.fromEntries(manifest.files.map((f: { file: string; output: string; status: string }) => [f.file.slice(dir.length + 1), [f.output.slice(out.length + 1), f.status]]));
  expect(byFile).toEqual({
    "in/2023_plan.pdf": ["2023_plan", "checks-failed"],
    "in/2023/plan.pdf": ["2023_plan-2", "ok"], // read again into its new folder
    "in/2024/plan.pdf": ["2024_plan", "ok"], // skipped: its entry stands
  });
  expect(again.out).toContain(`${join(dir, "in", "2024", "plan.pdf")}: unchanged since the last run, skipped`);
  expect(again.out).not.toContain(`${join(dir, "in", "2023", "plan.pdf")}: unchanged`);
  const source = (name: string) => JSON.parse(readFileSync(join(out, name, "records.json"), "utf8")).file.slice(dir.length + 1);
  expect([source("2023_plan"), source("2023_plan-2"), source("2024_plan")]).toEqual(["in/2023_plan.pdf", "in/2023/plan.pdf", "in/2024/plan.pdf"]);
  // And once more: everything unchanged, everything skipped.
  const third = kohyo("extract", join(dir, "in"), "-o", out, "--jobs", "1");
  expect(third.out.match(/unchanged since the last run, skipped/g)).toHaveLength(3);
});
