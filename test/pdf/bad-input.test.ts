import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { EXIT } from "../../src/errors.js";
import { openPdf } from "../../src/pdf/load.js";
import { noise, scannedPdf } from "../fixtures.js";
import { corpus, HAVE_CORPUS, sample } from "../helpers.js";

async function failure(input: string | Uint8Array, options = {}) {
  const r = await openPdf(input, options);
  if (r.ok) {
    for await (const _ of r.doc.pages()) void _;
    const verdict = r.doc.verdict();
    await r.doc.close();
    return verdict;
  }
  return r.error;
}

describe("bad input gets one reason and its own exit code", () => {
  test("a missing file is 'not found' (3)", async () => {
    const e = await failure("/nonexistent/plan.pdf");
    expect(e).toMatchObject({ reason: "not-found", exitCode: EXIT.notFound, file: "/nonexistent/plan.pdf" });
    expect(e!.message).toBe("/nonexistent/plan.pdf: file not found");
  });

  test("random bytes are 'not a PDF' (4)", async () => {
    const e = await failure(noise(4096), { name: "noise.bin" });
    expect(e).toMatchObject({ reason: "not-a-pdf", exitCode: EXIT.notAPdf });
    expect(e!.message).toMatch(/^noise\.bin: not a PDF/);
  });

  test("an empty file is 'not a PDF' (4)", async () => {
    expect(await failure(new Uint8Array(0), { name: "empty.pdf" })).toMatchObject({ reason: "not-a-pdf" });
  });

  test("a PDF header followed by garbage is damaged (5)", async () => {
    const bytes = new Uint8Array([...Buffer.from("%PDF-1.7\n"), ...noise(8192)]);
    expect(await failure(bytes, { name: "garbage.pdf" })).toMatchObject({ reason: "damaged", exitCode: EXIT.damaged });
  });

  test.each([0.2, 0.5, 0.9, 0.99])("a sample cut at %s of its length is damaged (5), never read as whole", async (frac) => {
    const full = readFileSync(sample("text-layer-traps.pdf"));
    const e = await failure(new Uint8Array(full.subarray(0, Math.floor(full.length * frac))), { name: "cut.pdf" });
    expect(e).toMatchObject({ reason: "damaged", exitCode: EXIT.damaged });
    expect(e!.message).toMatch(/^cut\.pdf: (truncated|damaged)/);
  });

  test.skipIf(!HAVE_CORPUS)("a real Excel PDF cut short is damaged (5)", async () => {
    const full = readFileSync(corpus("14_mhlw_online-shinryo-iryokikan_kyoto_R2-04-26.pdf"));
    const e = await failure(new Uint8Array(full.subarray(0, full.length - 600)), { name: "14-cut.pdf" });
    expect(e).toMatchObject({ reason: "damaged" });
  });

  test("an encrypted PDF without a password asks for one (6)", async () => {
    const e = await failure(sample("encrypted-user-password.pdf"));
    expect(e).toMatchObject({ reason: "encrypted", exitCode: EXIT.encrypted });
    expect(e!.message).toMatch(/a password is required/);
  });

  test("an encrypted PDF with the wrong password says so (6)", async () => {
    const e = await failure(sample("encrypted-user-password.pdf"), { password: "nope" });
    expect(e).toMatchObject({ reason: "encrypted" });
    expect(e!.message).toMatch(/password is incorrect/);
  });

  test("an encrypted PDF with the right password reads like the original", async () => {
    const r = await openPdf(sample("encrypted-user-password.pdf"), { password: "kohyo-user" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.info.encrypted).toBe(true);
    const page = await r.doc.page(1);
    expect(page.runs.map((x) => x.text)).toContain("補助金の交付日");
    await r.doc.close();
  });

  test("a PDF with only an owner password (copy/print restricted) opens without one", async () => {
    const r = await openPdf(sample("encrypted-owner-only.pdf"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.info.encrypted).toBe(true);
    expect((await r.doc.page(1)).runs.map((x) => x.text)).toContain("伴走支援");
    await r.doc.close();
  });

  test("a scanned PDF (images, no text layer) is 'no text' (7), each page warned as image-only", async () => {
    const r = await openPdf(await scannedPdf(), { name: "scan.pdf" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pages = [];
    for await (const p of r.doc.pages()) pages.push(p);
    expect(pages.map((p) => p.images)).toEqual([1, 1]);
    expect(pages[0]!.diagnostics[0]).toMatchObject({ severity: "warning", rule: "pdf/page-no-text" });
    expect(pages[0]!.diagnostics[0]!.message).toMatch(/only images/);
    expect(r.doc.verdict()).toMatchObject({ reason: "no-text", exitCode: EXIT.noText });
    await r.doc.close();
  });

  test("the caller's bytes are left intact", async () => {
    const bytes = new Uint8Array(readFileSync(sample("text-layer-traps.pdf")));
    const r = await openPdf(bytes, { name: "traps.pdf" });
    expect(r.ok).toBe(true);
    if (r.ok) await r.doc.close();
    expect(bytes.byteLength).toBeGreaterThan(1000);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
  });
});
