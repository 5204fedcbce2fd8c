/**
 * review.html opened in a real browser: Debian's chromium driven by playwright-core (no
 * browser download). The pages are written by the real program (`kohyo review`) and
 * opened from file://, as a user opens them. Skipped, with a message saying so, where
 * chromium is not installed; .ci/run installs it.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { corpus, HAVE_CORPUS, kohyo, ROOT, sample, SAMPLE_PASSWORD } from "../helpers.js";

// The functions given to page.evaluate run in the browser; the project is typed for Node (no DOM lib).
declare const document: any;
declare const window: any;
declare const getComputedStyle: any;

const CHROMIUM = process.env.KOHYO_CHROMIUM ?? "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) {
  console.warn(`review page tests SKIPPED: no chromium at ${CHROMIUM} (apt-get install -y chromium, or set KOHYO_CHROMIUM)`);
}
/** Screenshots and the pages themselves, kept after the run (ignored by git). */
const ARTEFACTS = join(ROOT, "test-artifacts", "review");

const MISTYPED = sample("tokyo-plan-r5-a4-mistyped.pdf");
const PLAN = sample("tokyo-plan-r5-a4.pdf");
const GUIDEBOOK = sample("guidebook-tohoku-r6.pdf");
/** A corpus list of carried-over projects (繰越事業一覧), 4 pages of ruled tables with totals; no pipeline reads it. */
const CORPUS_FILE = corpus("24_nankoku-city_R3-3gatsu-hosei_kurikoshi-jigyo-ichiran.pdf");
const name = (file: string) => file.split("/").pop()!.replace(/\.pdf$/, "");
const reviewOf = (file: string) => join(ARTEFACTS, name(file), "review.html");

describe.skipIf(!HAVE_CHROMIUM)("review.html in chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    rmSync(ARTEFACTS, { recursive: true, force: true });
    mkdirSync(ARTEFACTS, { recursive: true });
    const files = [PLAN, MISTYPED, GUIDEBOOK, ...(HAVE_CORPUS ? [CORPUS_FILE] : [])];
    const r = kohyo("review", ...files, "-o", ARTEFACTS);
    // The mistyped plan and the guidebook fail checks: exit 1, every page still written.
    expect(r.code, r.err).toBe(1);
    for (const f of files) expect(existsSync(reviewOf(f)), `${reviewOf(f)}\n${r.out}${r.err}`).toBe(true);
    // The counts the pages must show, from kohyo's other commands on the same files.
    expect(kohyo("tables", ...files, "-o", join(ARTEFACTS, "tables")).code).toBe(1);
    // The corpus list is no pipeline's (exit 8); the others' reports are written.
    expect(kohyo("extract", ...files, "-o", join(ARTEFACTS, "extract"), "--force").code).not.toBe(null);
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a review page; `errors` collects console errors and uncaught exceptions. */
  async function openReview(file: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`file://${reviewOf(file)}`);
    await page.waitForFunction(() => document.body.dataset.pdf !== undefined);
    expect(await page.evaluate(() => document.body.dataset.pdf)).toBe("open");
    return { page, errors };
  }

  /** Scrolls every page into view (pages and overlays are made lazily) and waits for pdf.js to draw it. */
  async function visitAll(page: Page): Promise<void> {
    const n = await page.evaluate(() => document.querySelectorAll(".page").length);
    for (let i = 1; i <= n; i++) {
      await page.evaluate((i) => (window as unknown as { kohyoReview: { show(n: number): void } }).kohyoReview.show(i), i);
      await page.waitForSelector(`.page[data-page="${i}"][data-rendered]`);
    }
  }

  /** Cells of `kohyo tables`, and findings with a place in `kohyo extract`'s report (or, without a pipeline, the tables' totals). */
  function expected(file: string): { cells: number; findings: number } {
    const tables = JSON.parse(readFileSync(join(ARTEFACTS, "tables", name(file), "tables.json"), "utf8"));
    const cells = tables.tables.reduce((n: number, t: { cells: unknown[] }) => n + t.cells.length, 0);
    const placed = (list: { page?: number; box?: unknown }[]) => list.filter((c) => c.page !== undefined && c.box !== undefined).length;
    const reportPath = join(ARTEFACTS, "extract", name(file), "report.json");
    if (!existsSync(reportPath)) {
      return { cells, findings: tables.tables.reduce((n: number, t: { totals: object[] }) => n + placed(t.totals), 0) + placed(tables.diagnostics) };
    }
    const report = JSON.parse(readFileSync(reportPath, "utf8"));
    const checks = report.tables.reduce((n: number, t: { checks: object[] }) => n + placed(t.checks), 0);
    return { cells, findings: checks + placed(report.diagnostics ?? []) };
  }

  async function overlayCounts(page: Page): Promise<{ cells: number; findings: number }> {
    return page.evaluate(() => ({ cells: document.querySelectorAll(".ov-cell").length, findings: document.querySelectorAll(".ov-finding").length }));
  }

  test.each([
    ["the sample plan", PLAN],
    ["the mistyped plan", MISTYPED],
    ["the guidebook", GUIDEBOOK],
    ...(HAVE_CORPUS ? [["a corpus list (24)", CORPUS_FILE]] : []),
  ])("%s: every page drawn, one overlay per cell and per finding, no console errors", async (_what, file) => {
    const { page, errors } = await openReview(file!);
    await visitAll(page);
    const want = expected(file!);
    expect(want.cells).toBeGreaterThan(0);
    expect(await overlayCounts(page)).toEqual(want);
    await page.screenshot({ path: join(ARTEFACTS, `${name(file!)}.png`) });
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the mistyped plan's failing total is listed in red, and clicking it shows page 3 with its box", async () => {
    const { page, errors } = await openReview(MISTYPED);
    // The sample's source prints 477,289 (thousand yen) as the 合計 of 事業額 on page 3; its rows sum to 478,189.
    const item = page.locator("#checks li.finding.error", { hasText: "477,289" });
    await expect(item.count()).resolves.toBe(1);
    expect(await item.textContent()).toContain("478,189,000");
    expect(await item.evaluate((e) => getComputedStyle(e).color)).toBe("rgb(211, 47, 47)");
    await item.click();
    const box = page.locator('.page[data-page="3"] .ov-finding.error.selected');
    await box.waitFor();
    await page.waitForSelector('.page[data-page="3"][data-rendered]');
    // In view, where the rendered page prints the total: the 合計 row (y ≈ 388–399 pt), column 事業額 (x ≈ 468–504 pt).
    expect(await box.isVisible()).toBe(true);
    const place = await box.evaluate((e) => {
      const p = e.closest(".page")!.getBoundingClientRect();
      const b = e.getBoundingClientRect();
      const view = document.querySelector("#pages")!.getBoundingClientRect();
      const scale = p.width / 841.89;
      return { x: (b.left + b.width / 2 - p.left) / scale, y: (b.top + b.height / 2 - p.top) / scale, inView: b.top >= view.top && b.bottom <= view.bottom };
    });
    expect(place.inView).toBe(true);
    expect(place.x).toBeGreaterThan(468);
    expect(place.x).toBeLessThan(504);
    expect(place.y).toBeGreaterThan(386);
    expect(place.y).toBeLessThan(400);
    expect(await page.locator("#detail").textContent()).toContain("prints 477,289");
    // Keyboard: the next failure from anywhere is this one (the file has one).
    await page.keyboard.press("Escape");
    await page.keyboard.press("n");
    await box.waitFor();
    await page.screenshot({ path: join(ARTEFACTS, "mistyped-failing-total.png") });
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a record in the panel highlights its boxes on its page; a cell on the page shows its record and raw text", async () => {
    const { page, errors } = await openReview(PLAN);
    // Record 3 of 一般事業 is 新宿区's, on page 1 (sample source, row 3).
    await page.locator("#records li.record", { hasText: /^p\.1 3 新宿区/ }).click();
    const record = page.locator('.page[data-page="1"] .ov-record.selected');
    await record.waitFor();
    expect(await page.locator('.page[data-page="1"] .ov-field').count()).toBeGreaterThan(5);
    expect(await page.locator("#detail").textContent()).toContain("新宿区");
    await page.keyboard.press("Escape");
    // Back from the page: the cell printing 18,997 (新宿区's 事業額, samples/tokyo-plan-r5.truth.json) → its record and the cell's text.
    await page.locator('.page[data-page="1"] .ov-cell[title="18,997"]').click();
    const detail = await page.locator("#detail").textContent();
    expect(detail).toContain("18,997");
    expect(detail).toContain("3 新宿区");
    expect(await page.locator('.page[data-page="1"] .ov-record.selected').count()).toBe(1);
    await page.locator("#detail .record-link").click();
    expect(await page.locator("#detail table.fields").textContent()).toContain("新宿区");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("an encrypted PDF: the page holds no password, asks for it, and opens with it", async () => {
    const file = sample("tokyo-plan-r5-a4.encrypted.pdf");
    const r = kohyo("review", file, "--password", SAMPLE_PASSWORD, "-o", ARTEFACTS);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(reviewOf(file), "utf8")).not.toContain(SAMPLE_PASSWORD);
    const page = await browser.newPage();
    const asked: string[] = [];
    page.on("dialog", (d) => {
      asked.push(d.message());
      void d.accept(SAMPLE_PASSWORD);
    });
    await page.goto(`file://${reviewOf(file)}`);
    await page.waitForSelector('.page[data-page="1"][data-rendered="1"]');
    expect(asked).toEqual(["The PDF's password:"]);
    await page.close();
  });

  test("failing only hides passing checks in the panel and on the pages", async () => {
    const { page } = await openReview(MISTYPED);
    await page.evaluate(() => (window as unknown as { kohyoReview: { show(n: number): void } }).kohyoReview.show(3));
    await page.waitForSelector('.page[data-page="3"] .ov-finding.ok');
    expect(await page.locator("#checks li.finding.ok").first().isVisible()).toBe(true);
    await page.locator("#failing-only").check();
    expect(await page.locator("#checks li.finding.ok").first().isVisible()).toBe(false);
    expect(await page.locator('.page[data-page="3"] .ov-finding.ok').first().isVisible()).toBe(false);
    expect(await page.locator("#checks li.finding.error").first().isVisible()).toBe(true);
    await page.close();
  });
});
