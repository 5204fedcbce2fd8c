/**
 * A forced or weak result says so: a pipeline that yields no records, or misses a table
 * it requires, is a printed warning, the status "weak" in the manifest and exit 9 — not
 * "all checks passed" and exit 0.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { kohyo, sample } from "../helpers.js";

const manifest = (out: string) => JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { files: { file: string; status: string; exitCode: number; records: number }[] };

test("--pipeline guidebook on a budget book (no record found): a warning, status weak, exit 9; the rerun skips it and keeps 9", () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-weak-"));
  const file = sample("budget-r6.pdf");
  const r = kohyo("extract", file, "--pipeline", "guidebook", "-o", out);
  expect(r.code).toBe(9);
  expect(r.err).toContain(`kohyo: warning: ${file}: the guidebook pipeline found no records`);
  expect(r.out).not.toContain("all checks passed (0 passed");
  expect(r.out).toContain("WEAK RESULT, exit 9 (0 failed, 0 passed, 0 warnings)");
  const [entry] = manifest(out).files;
  expect(entry).toMatchObject({ file, status: "weak", exitCode: 9, records: 0 });
  const again = kohyo("extract", file, "--pipeline", "guidebook", "-o", out);
  expect(again.code).toBe(9);
  expect(again.out).toContain("unchanged since the last run, skipped");
});

test("--pipeline budget-book on the Tokyo plan (its 款/項/目/節 table missing): weak, exit 9; a batch with a good file exits 9 too", () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-weak-"));
  const plan = sample("tokyo-plan-r5-a4.pdf");
  const budget = sample("budget-r6.pdf");
  const r = kohyo("extract", plan, budget, "--pipeline", "budget-book", "-o", out, "--jobs", "1");
  expect(r.code).toBe(9);
  expect(r.err).toContain(`kohyo: warning: ${plan}: no 款/項/目/節 table of a budget-book found`);
  const byFile = Object.fromEntries(manifest(out).files.map((f) => [f.file, f]));
  expect(byFile[plan]).toMatchObject({ status: "weak", exitCode: 9 });
  expect(byFile[budget]).toMatchObject({ status: "ok", exitCode: 0 });
  expect(r.out).toMatch(/tokyo-plan-r5-a4\.pdf +budget-book .*weak result/);
});

test("--lang ja: the weak result's warning in Japanese", () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-weak-"));
  const r = kohyo("extract", sample("budget-r6.pdf"), "--pipeline", "guidebook", "-o", out, "--lang", "ja");
  expect(r.code).toBe(9);
  expect(r.err).toContain("guidebook パイプラインではレコードが1件も見つかりません");
  expect(r.out).toContain("結果が不十分、終了コード 9");
});
