/**
 * Input file names that would make bad output names: every output stays inside -o, in a
 * folder of its own, under a name every file system takes; the manifest and the staging
 * folders keep theirs.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { NAME_BYTES, outputName, outputNames, safeName } from "../../src/output/io.js";
import { kohyo, sample } from "../helpers.js";

const tmp = () => mkdtempSync(join(tmpdir(), "kohyo-hostile-"));
const readJson = (p: string) => JSON.parse(readFileSync(p, "utf8"));

test("dots, separators, controls, reserved and staging-shaped names become plain folder names", () => {
  expect(outputName("in/...pdf")).toBe("__");
  expect(outputName("in/..pdf")).toBe("_");
  expect(outputName("in/.pdf")).toBe("_pdf"); // a hidden file named .pdf, no extension
  expect(outputName("in/.hidden.pdf")).toBe("_hidden");
  expect(outputName("in/manifest.json.pdf")).toBe("manifest.json_");
  expect(outputName("in/MANIFEST.JSON.pdf")).toBe("MANIFEST.JSON_");
  expect(outputName("in/con.pdf")).toBe("con_");
  expect(outputName("in/x.kohyo-staging-999999-abcdef.pdf")).toBe("x_kohyo-staging-999999-abcdef");
  expect(outputName("in/a:b*c?\u0001.pdf")).toBe("a_b_c__");
  expect(outputName("in/trailing. .pdf")).toBe("trailing__");
  expect(safeName("")).toBe("_");
});

test("a long name is cut to NAME_BYTES bytes at a character boundary, keeping two long names that differ at the end apart", () => {
  const a = `${"計画".repeat(100)}A`; // 601 bytes of UTF-8
  const b = `${"計画".repeat(100)}B`;
  for (const n of [safeName(a), safeName(b)]) {
    expect(Buffer.byteLength(n)).toBeLessThanOrEqual(NAME_BYTES);
    expect(n).toMatch(/^(計画)+計?~[0-9a-f]{8}$/);
    expect(n).not.toContain("\uFFFD");
  }
  expect(safeName(a)).not.toBe(safeName(b));
  const emoji = "😀".repeat(80); // 320 bytes, surrogate pairs in JavaScript
  expect(safeName(emoji)).toMatch(/^(😀)+~[0-9a-f]{8}$/u);
  // Within a batch, names made alike are still told apart.
  expect(Object.fromEntries(outputNames(["x/a:b.pdf", "x/a_b.pdf"]))).toEqual({ "x/a:b.pdf": "a_b", "x/a_b.pdf": "a_b-2" });
});

test("kohyo extract on files named ...pdf, ..pdf, manifest.json.pdf, a staging folder's name and a 240-character name: every file extracted inside -o, the manifest intact", () => {
  const dir = tmp();
  const input = join(dir, "in");
  mkdirSync(input);
  const names = ["...pdf", "..pdf", "manifest.json.pdf", "x.kohyo-staging-999999-abcdef.pdf", "x.pdf"];
  for (const n of names) copyFileSync(sample("tokyo-plan-r5-a4.pdf"), join(input, n));
  // 240 characters: with the staging suffix, kohyo before this made a name past 255 bytes.
  const longAscii = `${"a".repeat(236)}.pdf`;
  copyFileSync(sample("tokyo-plan-r5-a4.pdf"), join(input, longAscii));
  const out = join(dir, "out", "deeper");
  const r = kohyo("extract", input, "-o", out, "--jobs", "1");
  expect(r.err).not.toContain("kohyo:");
  expect(r.code).toBe(0);
  // Nothing beside -o: dir holds the input and the output folder only; out only its own folder.
  expect(readdirSync(dir).sort()).toEqual(["in", "out"]);
  expect(readdirSync(join(dir, "out"))).toEqual(["deeper"]);
  const folders = readdirSync(out).sort();
  expect(folders).toEqual(["_", "__", safeName("a".repeat(236)), "manifest.json", "manifest.json_", "x", "x_kohyo-staging-999999-abcdef"].sort());
  const m = readJson(join(out, "manifest.json"));
  expect(m.files).toHaveLength(names.length + 1);
  for (const e of m.files) {
    expect(e.status).toBe("ok");
    expect(readJson(join(e.output, "records.json")).file).toBe(e.file);
  }
  // A rerun skips every one of them: the staging-shaped name's outputs were not taken for a leftover.
  const again = kohyo("extract", input, "-o", out, "--jobs", "1");
  expect(again.code).toBe(0);
  expect(again.out.match(/unchanged since the last run, skipped/g)).toHaveLength(names.length + 1);
});

test("kohyo extract on a file whose name is longer than a file system takes writes it under a name cut to NAME_BYTES bytes", () => {
  const dir = tmp();
  const input = join(dir, "in");
  mkdirSync(input);
  const stem = "東京都地域人材確保総合支援事業計画書令和五年度".repeat(4).slice(0, 80); // 80 characters, 240 bytes
  copyFileSync(sample("tokyo-plan-r5-a4.pdf"), join(input, `${stem}.pdf`));
  const out = join(dir, "out");
  const r = kohyo("extract", join(input, `${stem}.pdf`), "-o", out, "--jobs", "1");
  expect(r.err).not.toContain("kohyo:");
  expect(r.code).toBe(0);
  const [folder] = readdirSync(out).filter((n) => n !== "manifest.json");
  expect(Buffer.byteLength(folder!)).toBeLessThanOrEqual(NAME_BYTES);
  expect(folder!.startsWith(stem.slice(0, 60))).toBe(true);
  expect(readJson(join(out, folder!, "records.json")).file).toBe(join(input, `${stem}.pdf`));
});

test("a rerun that skips every file still removes what a killed run left staged, and puts back an output folder it had set aside", () => {
  const dir = tmp();
  const out = join(dir, "out");
  copyFileSync(sample("tokyo-plan-r5-a4.pdf"), join(dir, "plan.pdf"));
  expect(kohyo("extract", join(dir, "plan.pdf"), "-o", out, "--jobs", "1").code).toBe(0);
  const dead = 2 ** 22 + 11;
  for (const n of [`.kohyo-staging-${dead}-abc123`, `.kohyo-staging-${dead}-manifest.json`, `plan.kohyo-staging-${dead}-abc123`]) mkdirSync(join(out, n));
  const r = kohyo("extract", join(dir, "plan.pdf"), "-o", out, "--jobs", "1");
  expect(r.out).toContain("unchanged since the last run, skipped");
  expect(readdirSync(out).sort()).toEqual(["manifest.json", "plan"]);
});

test("a file whose output folder held another file's outputs in an earlier run is written with a warning naming that file", () => {
  const dir = tmp();
  const out = join(dir, "out");
  mkdirSync(join(dir, "a"));
  mkdirSync(join(dir, "b"));
  copyFileSync(sample("tokyo-plan-r5-a4.pdf"), join(dir, "a", "plan.pdf"));
  copyFileSync(sample("tokyo-plan-r5-a3-mincho.pdf"), join(dir, "b", "plan.pdf"));
  expect(kohyo("extract", join(dir, "a", "plan.pdf"), "-o", out, "--jobs", "1").code).toBe(0);
  const r = kohyo("extract", join(dir, "b", "plan.pdf"), "-o", out, "--jobs", "1");
  expect(r.code).toBe(0);
  expect(r.err).toBe(`kohyo: warning: ${join(dir, "b", "plan.pdf")}: its outputs replace those of ${join(dir, "a", "plan.pdf")} (an earlier run) in ${join(out, "plan")}\n`);
  expect(readJson(join(out, "plan", "records.json")).file).toBe(join(dir, "b", "plan.pdf"));
});

test("a directory named x.pdf given to kohyo extract is one error line, exit 3", () => {
  const dir = tmp();
  mkdirSync(join(dir, "x.pdf", "inner.pdf"), { recursive: true });
  const out = join(dir, "out");
  const r = kohyo("extract", join(dir, "x.pdf"), "-o", out, "--jobs", "1");
  expect(r.code).toBe(3);
  expect(r.err.split("\n").filter((l) => l.startsWith("kohyo:"))).toEqual([`kohyo: ${join(dir, "x.pdf")}: is a directory, not a file`]);
});
