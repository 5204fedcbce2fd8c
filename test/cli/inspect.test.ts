/** The real `kohyo` program (dist/src/cli.js, built by test/setup/build.ts). */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { noise, scannedPdf } from "../fixtures.js";
import { kohyo, ROOT, sample } from "../helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "kohyo-cli-"));

describe("kohyo inspect", () => {
  test("prints each page's text lines with boxes and its ruling-line count", () => {
    const r = kohyo("inspect", sample("text-layer-traps.pdf"), "--page", "1");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/-- page 1 of 5 · 595\.28 × 841\.89 pt · rotation 0 · 10 text lines · 8 ruling lines \(4 horizontal, 4 vertical\)/);
    // x0, y0, x1, y1 then the text: 補助⾦の交付⽇ drawn at x 72, baseline 760 (top 81.89), 14 pt.
    expect(r.out).toMatch(/^\s+72\.0\s+69\.\d\s+170\.0\s+83\.\d\s+補助金の交付日$/m);
    expect(r.out).not.toMatch(/page 2 of/);
  });

  test("--json gives the same as one JSON object per file", () => {
    const r = kohyo("inspect", sample("text-layer-traps.pdf"), "--json");
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(1);
    const doc = JSON.parse(lines[0]!);
    expect(doc.info.pages).toBe(5);
    expect(doc.pages).toHaveLength(5);
    expect(doc.pages[0].ruleCount).toEqual({ total: 8, horizontal: 4, vertical: 4 });
    expect(doc.pages[0].lines.map((l: { text: string }) => l.text)).toContain("キャリアアップ助成金");
    expect(doc.pages[1]).toMatchObject({ rotation: 90, width: 841.89, height: 595.28 });
    expect(doc.pages[3].diagnostics[0].rule).toBe("pdf/page-no-text");
    expect(doc.error).toBeNull();
    // A page without text is a warning on stderr, not a failure.
    expect(r.err).toMatch(/warning: .*text-layer-traps\.pdf: page 4 has no text/);
  });

  test("a reader of stdout that stops early (| head): no stack trace, no error, exit code 0", async () => {
    const child = spawn(process.execPath, [join(ROOT, "dist/src/cli.js"), "inspect", sample("tokyo-plan-r5-a4.pdf"), sample("tokyo-plan-r5-a3-mincho.pdf")]);
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.stdout.once("data", () => child.stdout.destroy()); // the first line is enough
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(err).toBe("");
    expect(code).toBe(0);
  });

  test("-o writes output/<name>/inspect.json", () => {
    const out = join(tmp, "out");
    const r = kohyo("inspect", sample("text-layer-traps.pdf"), "-o", out);
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, "text-layer-traps", "inspect.json"), "utf8"));
    expect(doc.pages).toHaveLength(5);
  });

  test("--page ranges select pages", () => {
    const r = kohyo("inspect", sample("text-layer-traps.pdf"), "--page", "2-3", "--json");
    expect(JSON.parse(r.out).pages.map((p: { number: number }) => p.number)).toEqual([2, 3]);
  });
});

describe("bad input: one line naming the file and the reason, a distinct exit code", () => {
  const bad: [string, () => string, number, RegExp][] = [
    ["missing", () => join(tmp, "missing.pdf"), 3, /missing\.pdf: file not found$/],
    [
      "not a PDF",
      () => {
        const f = join(tmp, "noise.pdf");
        writeFileSync(f, noise(2048));
        return f;
      },
      4,
      /noise\.pdf: not a PDF/,
    ],
    [
      "truncated",
      () => {
        const f = join(tmp, "cut.pdf");
        const full = readFileSync(sample("text-layer-traps.pdf"));
        writeFileSync(f, full.subarray(0, full.length >> 1));
        return f;
      },
      5,
      /cut\.pdf: truncated/,
    ],
    ["encrypted", () => sample("encrypted-user-password.pdf"), 6, /encrypted-user-password\.pdf: encrypted: a password is required/],
  ];
  test.each(bad)("%s", (_, make, code, message) => {
    const r = kohyo("inspect", make());
    expect(r.code).toBe(code);
    const errors = r.err.trim().split("\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  test("scanned (no text layer) exits 7 after warning per page", async () => {
    const f = join(tmp, "scan.pdf");
    writeFileSync(f, await scannedPdf());
    const r = kohyo("inspect", f);
    expect(r.code).toBe(7);
    expect(r.err.trim().split("\n").pop()).toMatch(/scan\.pdf: no text layer on any page/);
  });

  test("a batch goes on past a bad file, and mixed reasons exit 2", () => {
    const r = kohyo("inspect", join(tmp, "gone.pdf"), sample("text-layer-traps.pdf"), sample("encrypted-user-password.pdf"));
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/text-layer-traps\.pdf · 5 pages/);
    expect(r.err).toMatch(/gone\.pdf: file not found/);
    expect(r.err).toMatch(/encrypted-user-password\.pdf: encrypted/);
  });

  test("--password opens an encrypted file", () => {
    const r = kohyo("inspect", sample("encrypted-user-password.pdf"), "--password", "kohyo-user", "--page", "1");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/伴走支援/);
  });

  test("a page selection the file does not have is a usage error (64), naming the file", () => {
    const r = kohyo("inspect", sample("text-layer-traps.pdf"), "--page", "9");
    expect(r.code).toBe(64);
    expect(r.err.trim()).toMatch(/text-layer-traps\.pdf: page 9 does not exist \(the file has 5\)$/);
  });

  test("a usage error exits 64 with the usage", () => {
    const r = kohyo("inspect");
    expect(r.code).toBe(64);
    expect(r.err).toMatch(/inspect needs at least one FILE/);
  });
});
