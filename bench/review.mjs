/**
 * Bench part: a review page of a 600-page book, opened in Debian's chromium
 * (playwright-core, no browser download). The book is corpus 26 (南国市 令和8年度
 * 一般会計予算書, 143 pages, ruled tables throughout) repeated to 600 pages with pdf-lib,
 * built once and cached. Measured, best of `runs`:
 * - write: `kohyo review` on the book (process start-up included), and the page's size;
 * - open: from navigation start (the page's own clock, performance marks) to the panel and
 *   the first pages' overlays made (usable), and to page 1 drawn by pdf.js;
 * - jump: the middle page and the last page drawn after scrolling there;
 * - next failure: the `n` key to the first failing check's page drawn, its box selected;
 * - longest task: the longest the page's main thread was busy in one go while opening
 *   (PerformanceObserver longtask), a measure of staying responsive.
 * Skipped (with the reason) when chromium or the corpus is missing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { PDFDocument } from "pdf-lib";

const PAGES = 600;
const SOURCE = "26_nankoku-city_R8_ippan-kaikei_yosansho.pdf";

export async function benchReview(root, cache, runs) {
  const chromium = process.env.KOHYO_CHROMIUM ?? "/usr/bin/chromium";
  const corpus = process.env.KOHYO_CORPUS ?? resolve(root, "../shared/corpus");
  if (!existsSync(chromium)) return { skipped: `no chromium at ${chromium} (apt-get install -y chromium)` };
  if (!existsSync(join(corpus, SOURCE))) return { skipped: `corpus file ${SOURCE} not found under ${corpus}` };

  const book = join(cache, `review-${PAGES}.pdf`);
  if (!existsSync(book)) {
    mkdirSync(cache, { recursive: true });
    const src = await PDFDocument.load(readFileSync(join(corpus, SOURCE)));
    const out = await PDFDocument.create();
    const n = src.getPageCount();
    // One copyPages call: the copies share the source's fonts and images, as a real book's pages do.
    for (const p of await out.copyPages(src, Array.from({ length: PAGES }, (_, i) => i % n))) out.addPage(p);
    writeFileSync(book, await out.save());
  }
  const outDir = join(cache, "review-out");
  let write = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(root, "dist/src/cli.js"), "review", book, "-o", outDir], { encoding: "utf8" });
    if (r.status !== 0 && r.status !== 1) return { failed: `kohyo review exited ${r.status}: ${r.stderr.slice(0, 200)}` };
    write = Math.min(write, (performance.now() - t0) / 1000);
  }
  const html = join(outDir, `review-${PAGES}`, "review.html");

  const { chromium: browserType } = await import("playwright-core");
  const browser = await browserType.launch({ executablePath: chromium, args: ["--no-sandbox"] });
  const best = { ready: Infinity, open: Infinity, middle: Infinity, last: Infinity, nextFailure: Infinity, longestTask: Infinity };
  let errors = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const seen = [];
      page.on("console", (m) => m.type() === "error" && seen.push(m.text()));
      page.on("pageerror", (e) => seen.push(e.message));
      await page.addInitScript(() => {
        window.__longest = 0;
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
        }).observe({ type: "longtask", buffered: true });
      });
      await page.goto(`file://${html}`);
      await page.waitForSelector('.page[data-page="1"][data-rendered] .overlays', { timeout: 60_000 });
      const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime / 1000])));
      const ready = marks["kohyo:panel"];
      const open = marks["kohyo:first-page"];
      const longestTask = (await page.evaluate(() => window.__longest)) / 1000;
      const jump = async (n) => {
        const t = performance.now();
        await page.evaluate((n) => window.kohyoReview.show(n), n);
        await page.waitForSelector(`.page[data-page="${n}"][data-rendered]`, { timeout: 60_000 });
        return (performance.now() - t) / 1000;
      };
      const middle = await jump(PAGES / 2);
      const last = await jump(PAGES);
      const t1 = performance.now();
      await page.keyboard.press("n");
      await page.waitForSelector(".ov-finding.error.selected", { timeout: 60_000 });
      const failing = await page.evaluate(() => Number(document.querySelector(".ov-finding.error.selected").closest(".page").dataset.page));
      await page.waitForSelector(`.page[data-page="${failing}"][data-rendered]`, { timeout: 60_000 });
      const nextFailure = (performance.now() - t1) / 1000;
      for (const [k, v] of Object.entries({ ready, open, middle, last, nextFailure, longestTask })) best[k] = Math.min(best[k], v);
      errors = seen;
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const round = (v) => +v.toFixed(3);
  return {
    file: `review-${PAGES}.pdf`,
    source: `corpus ${SOURCE} repeated to ${PAGES} pages`,
    pages: PAGES,
    writeSeconds: round(write),
    htmlMiB: +(statSync(html).size / 2 ** 20).toFixed(1),
    readySeconds: round(best.ready),
    openSeconds: round(best.open),
    loadAverage: loadavg()[0],
    middlePageSeconds: round(best.middle),
    lastPageSeconds: round(best.last),
    nextFailureSeconds: round(best.nextFailure),
    longestTaskSeconds: round(best.longestTask),
    consoleErrors: errors.length,
  };
}

/** `node bench/review.mjs [--runs=N]`: this part alone (after `npm run build`). */
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const root = resolve(new URL("..", import.meta.url).pathname);
  const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.slice(7) ?? 1);
  console.log(JSON.stringify(await benchReview(root, join(root, "bench/.cache"), runs), null, 2));
}
