/** Getting and learning the `kohyo` command, through the real program: install, version, help, usage errors, pipelines. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { kohyo, ROOT, sample } from "../helpers.js";

const VERSION = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;
const COMMANDS = ["extract", "tables", "facts", "inspect", "pipelines", "review"];

test("README's install step: `npm install -g .` from the clone gives a `kohyo` command (in a temp prefix)", () => {
  const prefix = mkdtempSync(join(tmpdir(), "kohyo-prefix-"));
  const npm = spawnSync("npm", ["install", "-g", "--prefix", prefix, ".", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: ROOT, encoding: "utf8" });
  expect(npm.status, npm.stderr).toBe(0);
  const bin = join(prefix, "bin", "kohyo");
  expect(realpathSync(bin)).toBe(join(realpathSync(ROOT), "dist/src/cli.js"));
  const version = spawnSync(bin, ["--version"], { encoding: "utf8" });
  expect(version.status).toBe(0);
  expect(version.stdout).toBe(`${VERSION}\n`);
  const pipelines = spawnSync(bin, ["pipelines"], { encoding: "utf8", cwd: tmpdir() });
  expect(pipelines.stdout).toContain("tokyo-jinzai-plan");
}, 120_000);

test("kohyo --version prints the package's version and exits 0", () => {
  expect(kohyo("--version")).toEqual({ code: 0, out: `${VERSION}\n`, err: "" });
});

test("kohyo --help lists every command and the exit codes, exit 0; kohyo alone is a usage error", () => {
  const r = kohyo("--help");
  expect(r.code).toBe(0);
  for (const c of COMMANDS) expect(r.out).toMatch(new RegExp(`^  ${c} +\\S`, "m"));
  expect(r.out).toContain("9 a weak result");
  expect(r.out).toContain("130 interrupted");
  const bare = kohyo();
  expect(bare.code).toBe(64);
  expect(bare.err).toContain("Usage: kohyo COMMAND");
});

describe.each(COMMANDS)("kohyo %s", (command) => {
  test("--help, -h and `kohyo help` give its usage, options and two examples, exit 0", () => {
    const help = kohyo(command, "--help");
    expect(help.code).toBe(0);
    expect(help.err).toBe("");
    expect(help.out).toMatch(new RegExp(`^Usage: kohyo ${command} `));
    expect(help.out).toContain("\nOptions:\n");
    expect(help.out).toMatch(/ {2}-h, --help +this help/);
    const examples = help.out.split("\nExamples:\n")[1]!;
    expect(examples.match(new RegExp(`^  kohyo ${command}\\b`, "gm"))!.length).toBeGreaterThanOrEqual(2);
    expect(kohyo(command, "-h")).toEqual(help);
    expect(kohyo("help", command)).toEqual(help);
    // Help wins over whatever else is on the line, even a bad option.
    expect(kohyo(command, "no-such.pdf", "--nope", "-h")).toEqual(help);
  });

  test("an unknown option: one line naming it, then the usage line, exit 64", () => {
    const r = kohyo(command, sample("tokyo-plan-r5-a4.pdf"), "--frobnicate");
    expect(r.code).toBe(64);
    expect(r.out).toBe("");
    const lines = r.err.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^kohyo ${command}: unknown option --frobnicate\\b`));
    expect(lines[1]).toMatch(new RegExp(`^Usage: kohyo ${command} `));
  });
});

test("help for a command that does not exist is a usage error", () => {
  const r = kohyo("help", "frobnicate");
  expect(r.code).toBe(64);
  expect(r.err).toContain('unknown command "frobnicate"');
});

test("a missing option value names the option, with the usage line, exit 64", () => {
  const r = kohyo("tables", sample("tokyo-plan-r5-a4.pdf"), "--pages");
  expect(r.code).toBe(64);
  expect(r.err.split("\n")[0]).toContain("--pages");
  expect(r.err.split("\n")[1]).toMatch(/^Usage: kohyo tables /);
});

test("--lang ja gives the messages in Japanese, and so does LANG=ja_JP.UTF-8; English by default", () => {
  const ja = kohyo("tables", sample("tokyo-plan-r5-a4.pdf"), "--frobnicate", "--lang", "ja");
  expect(ja.err.split("\n")[0]).toBe("kohyo tables: --frobnicate というオプションはありません （オプションと例は kohyo help tables）");
  const env = spawnSync(process.execPath, [join(ROOT, "dist/src/cli.js"), "tables", "--frobnicate"], { encoding: "utf8", env: { ...process.env, LANG: "ja_JP.UTF-8", LC_ALL: "" } });
  expect(env.stderr.split("\n")[0]).toContain("というオプションはありません");
  const c = spawnSync(process.execPath, [join(ROOT, "dist/src/cli.js"), "tables", "--frobnicate"], { encoding: "utf8", env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "" } });
  expect(c.stderr.split("\n")[0]).toContain("unknown option --frobnicate");
  expect(kohyo("tables", "--lang", "fr", "x.pdf").code).toBe(64);
});

describe("kohyo pipelines", () => {
  test("without files: each family with its description", () => {
    const r = kohyo("pipelines");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}tokyo-jinzai-plan +東京都地域人材確保総合支援事業 計画書/m);
    expect(r.out).toMatch(/^ {2}guidebook +人材施策ガイドブック/m);
  });

  test("with files: each family's score on each file and the words found there", () => {
    const r = kohyo("pipelines", sample("tokyo-plan-r5-a4.pdf"), sample("guidebook-tohoku-r6.pdf"));
    expect(r.code).toBe(0);
    const [plan, guide] = r.out.split(/\n(?=\S)/);
    // The plan prints its title 地域人材確保総合支援事業 計画書 and every header word (see its page 1).
    expect(plan).toMatch(/tokyo-jinzai-plan +100 % — recognised\n +found: 地域人材確保総合支援事業、計画書、整理番号、/);
    expect(plan).toMatch(/guidebook +\d+ %\n/);
    expect(plan).not.toMatch(/guidebook +\d+ % — recognised/);
    // The guidebook's cover and contents print ガイドブック, 人材施策 and 目次.
    expect(guide).toMatch(/guidebook +\d+ % — recognised\n +found: ガイドブック、人材施策、目次/);
    expect(guide).toMatch(/tokyo-jinzai-plan +0 %/);
  });

  test("a file that cannot be read: its one line and its exit code, the others still scored", () => {
    const r = kohyo("pipelines", "no-such.pdf", sample("tokyo-plan-r5-a4.pdf"));
    expect(r.code).toBe(3);
    expect(r.err).toBe("kohyo: no-such.pdf: file not found\n");
    expect(r.out).toContain("tokyo-jinzai-plan  100 %");
  });
});

test("--lang ja: a batch's lines in Japanese — the unreadable file's reason, the summary, the failed total, the table at the end", () => {
  const out = mkdtempSync(join(tmpdir(), "kohyo-ja-"));
  const r = kohyo("extract", sample("tokyo-plan-r5-a4-mistyped.pdf"), "/nonexistent/x.pdf", "-o", out, "--lang", "ja", "--jobs", "1");
  expect(r.code).toBe(3); // an unreadable file's code comes before a failed check's
  expect(r.err).toContain("kohyo: /nonexistent/x.pdf: ファイルがありません（file not found）\n");
  // The mistyped sample's 事業額 total (its source prints 477,289,000 against rows of 478,189,000).
  expect(r.out).toContain("FAIL 合計 事業額: 印刷 477,289,000、集計 478,189,000、差 -900,000 p.3");
  expect(r.out).toContain("tokyo-jinzai-plan · 表 2 個 · 31 件のレコード");
  expect(r.err).toMatch(/^kohyo: チェック不合格: .*tokyo-plan-r5-a4-mistyped\.pdf p\.3 \[[\d.,]+\]: 事業額 の合計: 印刷 477,289,000、行の和 478,189,000（差 -900,000）$/m);
  // kohyo tables prints the same total as the page does, in thousand yen.
  const t = kohyo("tables", sample("tokyo-plan-r5-a4-mistyped.pdf"), "--lang", "ja", "-o", out);
  expect(t.err).toMatch(/^kohyo: エラー: .*tokyo-plan-r5-a4-mistyped\.pdf p\.3: 事業額 の合計: 印刷 477,289、上の \d+ 行の和は 478,189（差 -900）$/m);
  expect(r.out).toMatch(/^ファイル +パイプライン +ページ +レコード/m);
  expect(r.out).toContain("読めません（ファイルがありません）");
  expect(r.out).toMatch(/2 ファイル（問題あり 2）、/);
  const tables = kohyo("tables", "/nonexistent/x.pdf", "--lang", "ja");
  expect(tables).toMatchObject({ code: 3, err: "kohyo: /nonexistent/x.pdf: ファイルがありません（file not found）\n" });
});
