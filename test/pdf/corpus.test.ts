/**
 * The real published PDFs in ../shared/corpus. Page counts come from pdfinfo; the
 * strings were read off the pages rendered with `pdftoppm -png` (page numbers as printed
 * by the PDF viewer, 1-based).
 */
import { describe, expect, test } from "vitest";
import { openPdf } from "../../src/pdf/load.js";
import { corpus, HAVE_CORPUS, pageText, squeeze } from "../helpers.js";

interface Known {
  file: string;
  pages: number;
  producer: RegExp | null;
  /** page → strings seen on the rendered page */
  strings: Record<number, string[]>;
  /** A page with a ruled table, and the least number of ruling lines it must show. */
  ruled?: { page: number; atLeast: { h: number; v: number } };
}

const KNOWN: Known[] = [
  {
    file: "05_jizokuka-hojokin_kisairei_kappou_keihi-meisai.pdf",
    pages: 17,
    producer: /Adobe PDF Library/,
    strings: { 3: ["出資者の名称（※）", "出資者の資本金（円）", "「該当しない」を選択した事業者が対象"] },
    // Page 3 is a form of ruled boxes: the rendered page shows well over 10 lines each way.
    ruled: { page: 3, atLeast: { h: 10, v: 4 } },
  },
  {
    file: "07_jizokuka-hojokin_R6_guidebook_17th.pdf",
    pages: 15,
    producer: /PowerPoint/,
    strings: { 2: ["持続化補助金とは？", "補助率・補助上限額は？", "申請受付等スケジュール（予定）", "お問い合わせ", "P.14"] },
  },
  {
    file: "09_monodukuri-hojokin_20ji_koubo-youryou_GAIYOUBAN-ppt.pdf",
    pages: 27,
    producer: /PowerPoint/,
    strings: {
      5: [
        "ものづくり補助金の目的",
        "会社全体の事業計画に沿い、補助事業を遂行の上、",
        "増加させる事業者を支援します。",
      ],
    },
  },
  {
    file: "10_mhlw_career-up-joseikin_pamphlet_R7-07_tanjikan.pdf",
    pages: 18,
    producer: null,
    strings: { 4: ["対象となる労働者について", "次のいずれにも該当する労働者であること。"] },
  },
  {
    file: "13_cashless_kameiten-list_R1-08-21_excerpt.pdf",
    pages: 10,
    producer: /Excel/,
    strings: {
      10: [
        "キャッシュレス・消費者還元事業",
        "事務局審査を通過した加盟店一覧",
        "令和元年8月21日",
        "23,801",
        "トヨタレンタリース新埼玉与野店",
        "ピッコリーノ動物病院",
      ],
    },
    // A fully ruled list: ~50 rows, 8 columns on the rendered page.
    ruled: { page: 10, atLeast: { h: 40, v: 8 } },
  },
  {
    file: "14_mhlw_online-shinryo-iryokikan_kyoto_R2-04-26.pdf",
    pages: 2,
    producer: /Excel/,
    strings: { 2: ["明治国際医療大学", "附属病院", "京都府南丹市日吉町保野田ヒノ谷6-1", "0771-72-1221", "京都中部総合医療センター"] },
    ruled: { page: 1, atLeast: { h: 5, v: 10 } },
  },
];

test.skipIf(!HAVE_CORPUS)("a non-embedded CID font with a predefined CMap (UniJIS-UTF16-H) reads offline", async () => {
  // pdffonts: corpus 13 uses "YuGothic", CID TrueType, UniJIS-UTF16-H, not embedded, for its
  // page numbers; page 10 shows 477 at its foot. Without pdf.js's bundled CMaps it reads nothing.
  const r = await openPdf(corpus("13_cashless_kameiten-list_R1-08-21_excerpt.pdf"));
  if (!r.ok) throw r.error;
  const page = await r.doc.page(10);
  const folio = page.runs.filter((x) => x.font === "YuGothic");
  expect(folio.map((x) => x.text)).toEqual(["477"]);
  expect(folio[0]!.box.y0).toBeGreaterThan(page.height * 0.9);
  await r.doc.close();
});

test.skipIf(!HAVE_CORPUS)("a value overflowing its cell, clipped at the border, is read whole", async () => {
  // Corpus 13 p.10 row 23,801: the rendered page shows "さいたま市中央" cut at the column
  // border; the text layer (pdftotext) holds さいたま市中央区. In reference-outputs/13_cashless,
  // Camelot moves the 区 into the next cell ("区トヨタレンタリース…") and Tabula drops it;
  // PDFBox keeps it. The clipped 区 belongs to the value, not to the next cell.
  const r = await openPdf(corpus("13_cashless_kameiten-list_R1-08-21_excerpt.pdf"));
  if (!r.ok) throw r.error;
  const page = await r.doc.page(10);
  const names = page.runs.filter((x) => x.text === "さいたま市中央区");
  expect(names.length).toBeGreaterThan(10);
  expect(page.diagnostics.map((d) => d.rule)).not.toContain("pdf/hidden-text");
  await r.doc.close();
});

describe.skipIf(!HAVE_CORPUS).each(KNOWN)("corpus $file", (k) => {
  test("opens with its page count and producer", async () => {
    const r = await openPdf(corpus(k.file));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.info.pages).toBe(k.pages);
    expect(r.doc.info.sha256).toMatch(/^[0-9a-f]{64}$/);
    if (k.producer) expect(r.doc.info.producer).toMatch(k.producer);
    await r.doc.close();
  });

  test("known strings read on their pages, and on no wrong page", async () => {
    const r = await openPdf(corpus(k.file));
    if (!r.ok) throw r.error;
    try {
      for (const [n, strings] of Object.entries(k.strings)) {
        const page = await r.doc.page(Number(n));
        const { squeezed } = pageText(page);
        for (const s of strings) expect(squeezed, `page ${n}: ${s}`).toContain(squeeze(s));
      }
    } finally {
      await r.doc.close();
    }
  });

  test("every page reads without error; no radicals and no doubled glyphs left", async () => {
    const r = await openPdf(corpus(k.file));
    if (!r.ok) throw r.error;
    try {
      let text = 0;
      for await (const page of r.doc.pages()) {
        expect(page.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        text += page.runs.length;
        for (const run of page.runs) {
          expect(run.text).not.toMatch(/[\u2E80-\u2FDF\uFF61-\uFF9F]/u);
          // Every glyph doubled in place ("合合計計") would be a fake-bold leftover.
          const chars = Array.from(run.text);
          const leader = chars.every((c) => c === chars[0]); // "・・・・" leaders are real
          const doubled =
            !leader && chars.length >= 4 && chars.length % 2 === 0 && chars.every((c, i) => i % 2 === 1 || c === chars[i + 1]);
          expect(doubled, run.text).toBe(false);
          expect(run.box.x0).toBeLessThanOrEqual(run.box.x1);
          expect(run.box.y0).toBeLessThanOrEqual(run.box.y1);
        }
        // No two runs of the same text drawn on top of each other (fake bold).
        const seen = new Set<string>();
        for (const run of page.runs) {
          const key = `${run.text}@${Math.round(run.box.x0)},${Math.round(run.box.y0)}`;
          expect(seen.has(key), `${key} twice on page ${page.number}`).toBe(false);
          seen.add(key);
        }
      }
      expect(text).toBeGreaterThan(0);
      expect(r.doc.verdict()).toBeNull();
    } finally {
      await r.doc.close();
    }
  });

  test.skipIf(!k.ruled)("ruling lines of its table are found", async () => {
    const r = await openPdf(corpus(k.file));
    if (!r.ok) throw r.error;
    try {
      const page = await r.doc.page(k.ruled!.page);
      const h = page.rules.filter((x) => x.axis === "h").length;
      const v = page.rules.filter((x) => x.axis === "v").length;
      expect(h).toBeGreaterThanOrEqual(k.ruled!.atLeast.h);
      expect(v).toBeGreaterThanOrEqual(k.ruled!.atLeast.v);
      for (const rule of page.rules) {
        expect(rule.end).toBeGreaterThan(rule.start);
        expect(rule.pos).toBeGreaterThanOrEqual(0);
        expect(rule.pos).toBeLessThanOrEqual(rule.axis === "h" ? page.height : page.width);
      }
    } finally {
      await r.doc.close();
    }
  });
});
