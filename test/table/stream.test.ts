/**
 * Stream tables (no ruling lines). The unruled renderings of the Tokyo plan (A4 IPAex, B4
 * Noto Sans) against samples/tokyo-plan-r5.truth.json, layouts of the same family drawn
 * run by run, and real pages from ../shared/corpus: tables without full rules (read off the
 * rendered pages by hand), prose and slide pages that must give no table, and the ruled
 * lists that must come out as before.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import type { Page, TextRun } from "../../src/model/page.js";
import { truthRows } from "../../src/table/accuracy.js";
import { findTables } from "../../src/table/find.js";
import { latticeTables } from "../../src/table/lattice.js";
import { dataRows, stitchTables, type Table } from "../../src/table/stitch.js";
import { streamTables } from "../../src/table/stream.js";
import { joinParts } from "../../src/table/text.js";
import type { PageTable } from "../../src/table/types.js";
import { checkTotals } from "../../src/table/totals.js";
import { corpus, HAVE_CORPUS, readAll, readSample, sample } from "../helpers.js";
import { PLAN_COLUMNS } from "./plan-columns.js";

interface TruthTable {
  name: string;
  columns: { key: string; header: string[] }[];
  rows: { no: number; cells: Record<string, string | null> }[];
  total: { label: string; labelSpan: string[]; cells: Record<string, string | null>; values: Record<string, number> };
}
interface Rendering {
  file: string;
  cellBorders?: boolean;
  columnWidthsMm: Record<string, Record<string, number>>;
  pageLayout: { page: number; table: string }[];
}
const truth = JSON.parse(readFileSync(sample("tokyo-plan-r5.truth.json"), "utf8")) as { tables: TruthTable[]; renderings: Rendering[] };
const unruled = truth.renderings.filter((r) => r.cellBorders === false);
/** A truth cell as the page reads it: its printed lines joined (see lattice.test.ts). */
const expected = (s: string | null | undefined) => joinParts((s ?? "").split("\n"));

describe.each(unruled)("stream tables on $file", (rendering) => {
  let pages: Page[];
  let tables: Table[];
  beforeAll(async () => {
    pages = await readSample(rendering.file);
    tables = stitchTables(pages.flatMap((p) => findTables(p)));
  });

  test("no ruled table is found, one stream table per truth table, over the pages the layout gives", () => {
    expect(pages.flatMap((p) => latticeTables(p.number, p.rules, p.runs))).toEqual([]);
    expect(tables.map((t) => t.pages)).toEqual(
      truth.tables.map((t) => rendering.pageLayout.filter((l) => l.table === t.name).map((l) => l.page)),
    );
  });

  test("columns are the header paths: 目標(労働力確保) spans two columns and heads the next header row", () => {
    expect(tables.map((t) => t.headerRows)).toEqual([2, 2]);
    // The same paths as lattice reads on the ruled renderings (stitch.test.ts).
    expect(tables.map((t) => t.columns)).toEqual(PLAN_COLUMNS);
    const span = tables[0]!.cells.find((c) => c.text === "目標(労働力確保)")!;
    expect([span.row, span.col, span.rowSpan, span.colSpan]).toEqual([0, 7, 1, 2]);
  });

  test("every cell equals the truth's printed cell: wrapped lines kept in their row, merged amounts on the group's first row", () => {
    let exact = 0;
    let total = 0;
    const wrong: string[] = [];
    tables.forEach((t, i) => {
      // The truth's rows as printed, 合計 last, its label in the column under its centre (no borders show its span).
      const want = truthRows(truth.tables[i]!, rendering);
      const got = dataRows(t);
      expect(got).toHaveLength(want.length);
      want.forEach((row, r) =>
        row.forEach((cell, c) => {
          total++;
          if (got[r]?.[c] === cell) exact++;
          else wrong.push(`${truth.tables[i]!.name} row ${r + 1} col ${c}: ${JSON.stringify(got[r]?.[c])} ≠ ${JSON.stringify(cell)}`);
        }),
      );
    });
    expect(wrong).toEqual([]);
    expect(total).toBe(29 * 12 + 4 * 13);
    expect(exact / total).toBe(1);
  });

  test("every 合計 is found and holds", () => {
    tables.forEach((t, i) => {
      const checks = checkTotals(t);
      expect(checks.map((c) => c.printed)).toEqual(Object.values(truth.tables[i]!.total.values));
      for (const c of checks) expect([c.column, c.ok, c.difference]).toEqual([c.column, true, 0]);
    });
  });
});

test("b4-unruled: a start date printed up to the contact column is one run in the PDF, two cells in the table", async () => {
  const pages = await readSample("tokyo-plan-r5-b4-unruled.pdf");
  expect(pages[2]!.runs.map((r) => r.text)).toContain("令和5年10月1日生活環境部");
  const row24 = dataRows(stitchTables(pages.flatMap((p) => findTables(p)))[0]!)[23]!;
  const keys = truth.tables[0]!.columns.map((c) => c.key);
  const cells = truth.tables[0]!.rows[23]!.cells;
  expect([row24[keys.indexOf("startDate")], row24[keys.indexOf("contact")]]).toEqual([expected(cells.startDate), expected(cells.contact)]);
});

/** A page table as text rows, a spanning cell's text in its first slot (as dataRows does). */
function grid(t: PageTable): string[][] {
  const g = Array.from({ length: t.rows }, () => Array<string>(t.cols).fill(""));
  for (const c of t.cells) g[c.row]![c.col] = c.text;
  return g;
}

describe.skipIf(!HAVE_CORPUS)("stream tables in the corpus", () => {
  const C10 = "10_mhlw_career-up-joseikin_pamphlet_R7-07_tanjikan.pdf";
  const C09 = "09_monodukuri-hojokin_20ji_koubo-youryou_GAIYOUBAN-ppt.pdf";
  let c10: Page[];
  let c09: Page[];
  beforeAll(async () => {
    [c10, c09] = await Promise.all([readAll(corpus(C10)), readAll(corpus(C09))]);
  });

  test("10 p.16: 中小企業事業主の範囲, rules between the rows but no column borders, read cell by cell; または spans the four rows", () => {
    // Read off the page rendered at 150 dpi: a green header band over 資本金… and 常時雇用…, four
    // rows ruled off, and a middle column whose ま/た/は stands once beside all four rows
    // (the rules stop at its borders). １億円 and ３億円 are printed with full-width digits.
    const page = c10[15]!;
    const tables = findTables(page);
    expect(tables).toHaveLength(3); // the two ruled ①… lists above it, then this one
    const t = tables[2]!;
    expect(latticeTables(page.number, page.rules, page.runs)).toHaveLength(2);
    expect(grid(t)).toEqual([
      ["", "資本金の額・出資の総額", "", "常時雇用する労働者の数（※）"],
      ["小売業（飲食店を含む）", "5,000万円以下", "または", "50人以下"],
      ["サービス業", "5,000万円以下", "", "100人以下"],
      ["卸売業", "１億円以下", "", "100人以下"],
      ["その他の業種", "３億円以下", "", "300人以下"],
    ]);
    const mata = t.cells.find((c) => c.text === "または")!;
    expect([mata.row, mata.col, mata.rowSpan, mata.colSpan]).toEqual([1, 2, 4, 1]);
    // The note under the table, in smaller type past its bottom rule, is not a row.
    expect(t.cells.some((c) => c.text.includes("常時雇用する労働者＞"))).toBe(false);
  });

  test("10 p.6: 支給申請に必要な書類, rules between some rows, cells centred beside two-line ones stay in their row", () => {
    // Read off the page rendered at 110 dpi: under the ②申請書類 | 主な確認事項 band, each 書類 is
    // two lines (name, then its 様式 or a ※ note) with its 確認事項 centred beside it.
    const t = findTables(c10[5]!).find((x) => x.cells.some((c) => c.text === "②申請書類"))!;
    const rows = grid(t);
    const at = rows.findIndex((r) => r[0] === "②申請書類");
    expect(rows.slice(at, at + 5)).toEqual([
      ["②申請書類", "主な確認事項"],
      ["１ キャリアアップ助成金支給申請書（様式第３号）", "・記入漏れがなく、記載事項が適切か"],
      ["２ 短時間労働者労働時間延長支援コース内訳（様式第３号・別添様式７）", "・記入漏れがなく、記載事項が適切か・第2面または第3面が添付されているか"],
      ["３ 支給要件確認申立書（共通要領様式第１号）", "・記入漏れがなく、記載事項が適切か（問４～16について「いいえ」がある場合、助成金の支給を受けることはできません）"],
      ["４ 支払方法・受取人住所届※未登録または振り込み口座変更の場合に限る", "・記入漏れがなく、記載事項が適切か"],
    ]);
  });

  test("09 p.14: a table in mixed type sizes, ruled across only: each year's row keeps its (n年目) and 要件達成 lines", () => {
    // Read off the rendered slide: 2025年度 (1年目) 1,080円 +35円 ＝ 1,115円 ≦ 1,115円 要件達成, and so on.
    // "+35円＝" is one piece of text in the PDF.
    const tables = findTables(c09[13]!);
    expect(tables).toHaveLength(1);
    const rows = grid(tables[0]!);
    expect(rows[0]!.slice(1, 5)).toEqual(["都道府県の最低賃金", "目標値", "達成すべき最低賃金", "3月の事業所内最低賃金（実績）"]);
    expect(rows.slice(1)).toEqual([
      ["2025年度(1年目)", "1,080円", "+35円＝", "1,115円", "≦", "1,115円要件達成"],
      ["2026年度(2年目)", "1,150円", "+35円＝", "1,185円", "≧", "1,180円要件未達成"],
      ["2027年度(3年目)", "1,230円", "+35円＝", "1,265円", "≦", "1,300円要件達成"],
    ]);
  });

  test("09 p.19: rules across and no column borders read as three columns, not one ruled column", () => {
    const page = c09[18]!;
    const lattice = latticeTables(page.number, page.rules, page.runs);
    expect(lattice.map((t) => t.cols)).toEqual([1]); // what the rules alone give
    const tables = findTables(page);
    expect(tables).toHaveLength(1);
    expect(grid(tables[0]!)).toEqual([
      ["特例措置要件の種類", "基準値", "達成する時点"],
      ["給与支給総額", "年平均成長率+6.0％", "3-5年の事業計画期間最終年度"],
      ["事業所内最低賃金", "事業実施都道府県の最低賃金+50円", "3-5年の事業計画期間中、毎年"],
    ]);
  });

  test("09: pages of running text (contents, a paragraph, two columns of bullets) give no table; bullet lists never become one", () => {
    // p.2 contents with dot leaders, p.5 a paragraph and a boxed sentence, p.25 and p.26 two
    // columns of bulleted sentences under pictures.
    for (const n of [2, 5, 25, 26]) expect(findTables(c09[n - 1]!), `page ${n}`).toEqual([]);
    // Pages opening with • paragraphs above a table: no table holds a bullet as a cell.
    for (const n of [9, 11, 13, 14, 19, 27]) {
      const bullets = findTables(c09[n - 1]!).flatMap((t) => t.cells).filter((c) => c.text === "•");
      expect(bullets, `page ${n}`).toEqual([]);
    }
  });

  test("07 (guidebook): running text, bullets and a table of contents give no stream table on any page", async () => {
    const pages = await readAll(corpus("07_jizokuka-hojokin_R6_guidebook_17th.pdf"));
    expect(pages).toHaveLength(15);
    for (const p of pages) expect(streamTables(p.number, p.runs, p.rules, latticeTables(p.number, p.rules, p.runs).map((t) => t.box)), `page ${p.number}`).toEqual([]);
    // Nor through findTables, which leaves out the page number (01 under the contents of p.2):
    // entries each ending in a page reference (P.2 … P.14) are contents, not a table.
    for (const p of pages) expect(findTables(p).filter((t) => t.kind === "stream"), `page ${p.number}`).toEqual([]);
  });

  test("20 pp.2–3 (目次): entries whose page number stands apart from their leader dots (１ 政務活動費の趣旨 ・・・・  1) are contents, not a table", async () => {
    const pages = await readAll(corpus("20_nankoku-city-gikai_seimu-katsudohi-tebiki.pdf"));
    for (const p of pages.slice(1, 3)) expect(findTables(p), `page ${p.number}`).toEqual([]);
  });

  test("13 and 14 (ruled lists): every page's tables are exactly the ruled ones", async () => {
    for (const file of ["13_cashless_kameiten-list_R1-08-21_excerpt.pdf", "14_mhlw_online-shinryo-iryokikan_kyoto_R2-04-26.pdf"]) {
      for (const p of await readAll(corpus(file))) expect(findTables(p).map(withoutNotes), `${file} p.${p.number}`).toEqual(latticeTables(p.number, p.rules, p.runs).map((t) => ({ ...t, kind: "lattice" })));
    }
  });
});

/** A found table without what findTables reads around it (its unit and caption). */
function withoutNotes(t: PageTable): PageTable {
  const { unit: _unit, caption: _caption, ...rest } = t;
  return rest;
}

test("the ruled samples: every page's tables are exactly the ruled ones", async () => {
  for (const r of truth.renderings.filter((x) => x.cellBorders !== false)) {
    for (const p of await readSample(r.file)) expect(findTables(p).map(withoutNotes), `${r.file} p.${p.number}`).toEqual(latticeTables(p.number, p.rules, p.runs).map((t) => ({ ...t, kind: "lattice" })));
  }
});

/**
 * Layouts of the same family the sample does not print, drawn run by run (10 pt type): rows
 * with no space between them, and cells centred beside taller ones.
 */
describe("stream rows in other layouts", () => {
  const SIZE = 10;
  /** A run of text starting at x (or ending there, "right") on the line whose top is y. */
  function run(text: string, x: number, y: number, align: "left" | "right" = "left"): TextRun {
    const width = [...text].reduce((w, ch) => w + (ch.codePointAt(0)! < 0x80 ? 0.5 : 1) * SIZE, 0);
    const x0 = align === "left" ? x : x - width;
    return { text, raw: text, box: { x0, y0: y, x1: x0 + width, y1: y + SIZE }, font: "Test", size: SIZE, vertical: false };
  }
  const read = (runs: TextRun[]) => streamTables(1, runs, []).map(grid);

  test("rows printed at the line pitch: the 番号 key starts each row, a wrapped name stays in its row, 合計 is a row", () => {
    const y = (line: number) => 100 + 12 * line;
    const runs = [
      run("番号", 50, y(0)), run("品名", 120, y(0)), run("金額", 260, y(0)),
      run("1", 60, y(1)), run("りんご", 120, y(1)), run("1,200", 290, y(1), "right"),
      run("2", 60, y(2)), run("みかんの詰め", 120, y(2)), run("3,400", 290, y(2), "right"),
      run("合わせ", 120, y(3)),
      run("3", 60, y(4)), run("なし", 120, y(4)), run("800", 290, y(4), "right"),
      run("合計", 120, y(5)), run("5,400", 290, y(5), "right"),
    ];
    expect(read(runs)).toEqual([[
      ["番号", "品名", "金額"],
      ["1", "りんご", "1,200"],
      ["2", "みかんの詰め合わせ", "3,400"],
      ["3", "なし", "800"],
      ["", "合計", "5,400"],
    ]]);
  });

  test("cells centred beside taller ones (no key, a little space between rows) stay in their row", () => {
    // Row 1: a two-line 書類 beside a one-line 確認事項 centred on it; row 2 the other way round.
    const runs = [
      run("申請書", 40, 100), run("記入漏れがないか", 200, 106), run("（様式第1号）", 40, 112),
      run("原本が", 200, 130), run("委任状", 40, 136), run("添付されているか", 200, 142),
      run("受取人住所届", 40, 166), run("記入漏れがないか", 200, 166),
    ];
    expect(read(runs)).toEqual([[
      ["申請書（様式第1号）", "記入漏れがないか"],
      ["委任状", "原本が添付されているか"],
      ["受取人住所届", "記入漏れがないか"],
    ]]);
  });

  test("rows at the line pitch without a key: a line filling two columns starts a row, a lone wrapped line goes on", () => {
    const y = (line: number) => 300 + 12 * line;
    const runs = [
      run("東京都", 40, y(0)), run("1,200", 200, y(0), "right"),
      run("神奈川県横浜市", 40, y(1)), run("950", 200, y(1), "right"),
      run("中区", 40, y(2)),
      run("千葉県", 40, y(3)), run("80", 200, y(3), "right"),
    ];
    expect(read(runs)).toEqual([[
      ["東京都", "1,200"],
      ["神奈川県横浜市中区", "950"],
      ["千葉県", "80"],
    ]]);
  });

  test("a bulleted list and two columns of running text are not tables", () => {
    const y = (line: number) => 100 + 14 * line;
    const bullets = [
      run("•", 20, y(0)), run("申請者は目標値を達成する必要があります。", 34, y(0)),
      run("•", 20, y(1)), run("事業計画期間中、毎年、目標値を達成してください。", 34, y(1)),
      run("•", 20, y(2)), run("表明がない場合は交付決定を取り消します。", 34, y(2)),
    ];
    const prose = [0, 1, 2, 3].flatMap((i) => [
      run(["補助金交付候補者として採択された", "事業者は採択公表日以降に事務局が", "開催する説明会に参加しなければな", "りません。"][i]!, 20, y(i)),
      run(["補助金等適正化法及びものづくり補", "助金の交付規程に違反する行為をし", "た場合は、交付決定取消し、補助金", "返還となります。"][i]!, 400, y(i)),
    ]);
    expect(read(bullets)).toEqual([]);
    expect(read(prose)).toEqual([]);
  });

  test("contents (title, leaders, page number) are no table; a table of counts with … (not available) in its other columns is one", () => {
    const y = (line: number) => 100 + 14 * line;
    const contents = [
      run("１ 政務活動費の趣旨", 20, y(0)), run("・・・・・・・・・・", 200, y(0)), run("1", 420, y(0), "right"),
      run("２ 交付の根拠", 20, y(1)), run("・・・・・・・・・・", 200, y(1)), run("2", 420, y(1), "right"),
      run("３ 収支報告", 20, y(2)), run("・・・・・・・・・・", 200, y(2)), run("17", 420, y(2), "right"),
    ];
    const counts = [
      run("地区", 20, y(0)), run("令和3年", 160, y(0), "right"), run("令和4年", 240, y(0), "right"), run("令和5年", 320, y(0), "right"), run("件数", 420, y(0), "right"),
      ...["北部", "中部", "南部"].flatMap((area, i) => [
        run(area, 20, y(i + 1)), run("…", 160, y(i + 1), "right"), run("…", 240, y(i + 1), "right"), run("…", 320, y(i + 1), "right"), run(String(3 + i), 420, y(i + 1), "right"),
      ]),
    ];
    expect(read(contents)).toEqual([]);
    expect(read(counts)).toEqual([[
      ["地区", "令和3年", "令和4年", "令和5年", "件数"],
      ["北部", "…", "…", "…", "3"],
      ["中部", "…", "…", "…", "4"],
      ["南部", "…", "…", "…", "5"],
    ]]);
  });
});
