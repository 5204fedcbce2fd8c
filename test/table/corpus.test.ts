/**
 * Real ruled lists in ../shared/corpus come out as one table over all their pages.
 * Expected values were read off the pages rendered with pdftoppm.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { checkTotals } from "../../src/table/totals.js";
import { corpus, CORPUS, corpusTables, HAVE_CORPUS, open, parseCsv } from "../helpers.js";
import { findTables } from "../../src/table/find.js";
import { dataRows, stitchTables } from "../../src/table/stitch.js";
import type { PageTable } from "../../src/table/types.js";

/** Every table (ruled or not) on one page of a corpus file. */
async function pageTables(name: string, page: number): Promise<PageTable[]> {
  const doc = await open(corpus(name));
  try {
    const found: PageTable[] = [];
    for await (const p of doc.pages([page])) found.push(...findTables(p));
    return found;
  } finally {
    await doc.close();
  }
}
import { join } from "node:path";

describe.skipIf(!HAVE_CORPUS)("corpus tables", () => {
  test("05 (経費明細表, Word): the table goes on over page 16, where only the merged columns are drawn", async () => {
    const [t] = await corpusTables("05_jizokuka-hojokin_kisairei_kappou_keihi-meisai.pdf", [15, 16]);
    expect(t!.pages).toEqual([15, 16]);
    expect(t!.columns).toEqual([["経費区分"], ["内容・必要理由"], ["経費内訳（単価×回数）"], ["補助対象経費（税抜・税込）"]]);
    const rows = dataRows(t!);
    // 13 expense rows, (1)–(2) at the foot of p15, (3)–(6) and the 1/4 question on p16.
    expect(rows).toHaveLength(20);
    expect(rows.map((r) => r[3])).toEqual([
      "１4０，０００", "250,000", "500,000", "500,000", "300,000", "100,000", "5０,０００", "12０,０００", "45０,０００", "30０,０００",
      "320,000", "９0,000", "60,000", "（a）2,430,000", "（b）1,620,000", "（ｃ）750,000", "（ｄ）500,000", "(e) 3,180,000", "（f）2,120,000", "はい ・ いいえ",
    ]);
    // On p16 the label spans the first three columns, as on the foot of p15.
    const c = t!.cells.find((x) => x.text.startsWith("（３）"))!;
    expect([c.page, c.col, c.colSpan]).toEqual([16, 0, 3]);
  });


  test("13 (加盟店一覧, Excel): one table over all 10 pages, 500 rows numbered 23,351–23,850", async () => {
    const tables = await corpusTables("13_cashless_kameiten-list_R1-08-21_excerpt.pdf");
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.pages).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // The header repeats on every page and is read once; 業種 spans two columns.
    expect(t.columns).toEqual([["No."], ["都道府県"], ["市区町村"], ["事業所名（屋号）"], ["業種"], ["業種"], ["還元率"]]);
    const rows = dataRows(t);
    expect(rows).toHaveLength(500);
    rows.forEach((r, i) => expect(r[0]).toBe((23351 + i).toLocaleString("en-US")));
    // Page 10, first row: さいたま市中央区 is cut at the column border on the page, whole in the text.
    expect(rows[450]).toEqual(["23,801", "埼玉県", "さいたま市中央区", "トヨタレンタリース新埼玉与野店", "サービス", "その他サービス", "2%"]);
    expect(rows[499]).toEqual(["23,850", "埼玉県", "さいたま市緑区", "アットイーズ東浦和店", "小売業", "その他小売", "5%"]);
  });

  test("14 (オンライン診療 医療機関一覧, Excel): one table over both pages, 14 rows, two header rows", async () => {
    const tables = await corpusTables("14_mhlw_online-shinryo-iryokikan_kyoto_R2-04-26.pdf");
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.pages).toEqual([1, 2]);
    expect(t.headerRows).toBe(2);
    expect(t.columns.slice(0, 3)).toEqual([[], ["基本情報", "施設名"], ["基本情報", "郵便番号"]]);
    expect(t.columns[6]).toEqual(["事務連絡に基づく対応について", "初診の電話等を用いた診療の実施の有無"]);
    const rows = dataRows(t);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    expect(rows[0]!.slice(1, 6)).toEqual(["医療法人しばじクリニック", "601-8452", "京都府京都市南区唐橋堂ノ前町23-1洛南スクエアビル　2階", "075-661-3400", "https://shibaji-clinic.com/"]);
    // Row 14 is on page 2: its name prints on two lines in one cell.
    expect(rows[13]!.slice(1, 3)).toEqual(["明治国際医療大学附属病院", "629-0392"]);
    expect(rows[13]![4]).toBe("0771-72-1221");
    // No row is empty: a hyperlink's underline is not a cell border.
    expect(rows.filter((r) => r.every((x) => x === ""))).toEqual([]);
  });

  test("14 against Camelot's output: the same cells, but for the row Camelot splits at a hyperlink's underline", async () => {
    // reference-outputs/14_kyoto_camelot_output.csv holds Camelot's 15 rows of 10 cells (no No. column).
    // Camelot reads row 9 (医療法人細田内科医院) twice and shifts its URL into 初診…: the URL's
    // underline, which runs past the cell border, was taken for a row border. The rendered page
    // shows row 9 as 616-8157 | … | http://www.ukyo.kyoto.med.or.jp/area… | × | ○ — kohyo's reading.
    const camelot = parseCsv(readFileSync(join(CORPUS, "reference-outputs/14_kyoto_camelot_output.csv"), "utf8"));
    expect(camelot).toHaveLength(15);
    expect(camelot[8]).toEqual(camelot[9]); // the duplicated row
    const rows = dataRows((await corpusTables("14_mhlw_online-shinryo-iryokikan_kyoto_R2-04-26.pdf"))[0]!);
    const flat = (s: string) => s.replace(/[\s\u3000]+/gu, "");
    const aligned = [...camelot.slice(0, 9), ...camelot.slice(10)];
    const differing: string[] = [];
    rows.forEach((r, i) =>
      aligned[i]!.forEach((c, j) => {
        if (flat(c) !== flat(r[j + 1]!)) differing.push(`row ${i + 1} col ${j + 2}`);
      }),
    );
    expect(differing).toEqual(["row 9 col 6", "row 9 col 7"]);
    expect(rows[8]!.slice(1, 8)).toEqual([
      "医療法人細田内科医院", "616-8157", "京都府京都市右京区太秦御所ノ内町7-10", "075-864-6778",
      "http://www.ukyo.kyoto.med.or.jp/area/arashiyama/hosodanaika.html", "×", "○",
    ]);
  });
});

describe.skipIf(!HAVE_CORPUS)("corpus tables, real layouts", () => {
  test("15 (一太郎): corner bars clipped out of sight are no rules — no margin rows or columns, the table goes on to p.3 and its 合計 sums both pages", async () => {
    const t = (await corpusTables("15_nankoku-city_henchi-sogo-seibi-keikaku_R8-henko.pdf", [2, 3]))[0]!;
    expect(t.pages).toEqual([2, 3]);
    expect(t.headerRows).toBe(2);
    expect(t.columns).toEqual([["区分", "施設名"], ["区分", "事業主体名"], ["事業費"], ["財源内訳", "特定財源"], ["財源内訳", "一般財源"], ["一般財源のうち辺地対策事業債の予定額"]]);
    const rows = dataRows(t);
    expect(rows[0]).toEqual(["市道", "南国市", "219,394", "", "219,394", "219,300"]);
    expect(rows.map((r) => r[0])).toEqual(["市道", "橋りょう", "林道", "自動車", "公民館・その他の集会施設", "飲料水供給施設", "農林漁業経営近代化施設", "地場産業振興施設", "合計"]);
    const checks = checkTotals(t);
    expect(checks.map((c) => [c.printed, c.ok])).toEqual([[753836, true], [33979, true], [719857, true], [688800, true]]);
  });

  test("18 (財務省, unruled): letter-spaced labels (特　例　公　債　金, 均等割付) are one cell; ⑴/① rows start at their markers, a two-line label stays in its row", async () => {
    const tables = stitchTables(await pageTables("18_mof_R2-hosei-yosan-dai1go.pdf", 1));
    expect(tables.map((t) => dataRows(t))).toEqual([
      [
        ["⑴", "新型コロナウイルス感染症緊急経済対策関係経費", "167,058"],
        ["①", "感染拡大防止策と医療提供体制の整備及び治療薬の開発", "18,097"],
        ["②", "雇用の維持と事業の継続", "106,308"],
        ["③", "次の段階としての官民を挙げた経済活動の回復", "18,482"],
        ["④", "強靱な経済構造の構築", "9,172"],
        ["⑤", "新型コロナウイルス感染症対策予備費", "15,000"],
        ["⑵", "国債整理基金特別会計へ繰入", "999"],
        ["", "計", "168,057"],
      ],
      [
        ["⑴", "公債金", "23,290"],
        ["⑵", "特例公債金", "144,767"],
        ["", "計", "168,057"],
      ],
    ]);
    // ⑴ is the parent of ①–⑤: 計 = ⑴ + ⑵, not every row.
    for (const t of tables) expect(checkTotals(t).filter((c) => c.label === "計").map((c) => [c.printed, c.sum])).toEqual([[168057, 168057]]);
  });

  test("16 (内閣府): a note mark printed small beside a label (配分予定額※２) reads after it", async () => {
    const [t] = stitchTables(await pageTables("16_naikakufu_chihososei-rinji-kofukin_jisshi-keikaku-teishutsu.pdf", 1));
    expect(t!.cells.map((c) => c.text)).toContain("（４）配分予定額※２");
  });

  test("16 (内閣府): quantities printed with their unit (1,788 団体) are values, so one header row; an L-shaped merge (section label over an unruled strip) is cut into rectangles and 総計 sums the sections only", async () => {
    const [t1, t2] = stitchTables(await pageTables("16_naikakufu_chihososei-rinji-kofukin_jisshi-keikaku-teishutsu.pdf", 1));
    expect(t1!.headerRows).toBe(1);
    expect(t1!.columns).toEqual([[], ["合計"], ["都道府県"], ["市町村"]]);
    expect(dataRows(t1!)[0]).toEqual(["（１）地方公共団体数", "1,788 団体", "47 団体", "1,741 団体"]);
    const total = checkTotals(t2!).filter((c) => c.rule === "totals/rows");
    // 23,803 = 9,594 + 9,403 + 3,353 + 1,453; the 億円 sections add to 13,562 against 13,561 printed (rounding).
    expect(total.map((c) => [c.label, c.printed, c.sum, c.severity])).toEqual([
      ["総計※３", 23803, 23803, "info"],
      ["総計※３", 13561, 13562, "warning"],
    ]);
  });

  test("20 (政務活動費の手引き): a table of text only has one header row (項目 | 概要), not four", async () => {
    const [t] = stitchTables(await pageTables("20_nankoku-city-gikai_seimu-katsudohi-tebiki.pdf", 5));
    expect(t!.headerRows).toBe(1);
    expect(t!.columns).toEqual([["項目"], ["概要"]]);
    expect(dataRows(t!)[0]).toEqual(["交付対象（条例第２条）", "南国市議会における議員に対して交付する。"]);
  });

  test("17 (補正予算 第1表): the table goes on under each page's running head; (歳入) and (歳出) are two tables; the 補正額 totals hold over all pages", async () => {
    const doc = await open(corpus("17_nankoku-city_R3_ippan-kaikei-hosei-yosan.pdf"));
    const found: PageTable[] = [];
    try {
      for await (const p of doc.pages([2, 3, 4, 5, 6, 7])) found.push(...findTables(p));
    } finally {
      await doc.close();
    }
    const ruled = stitchTables(found).filter((t) => t.kind === "lattice");
    expect(ruled.map((t) => t.pages)).toEqual([[2, 3, 4], [5, 6, 7]]);
    for (const [t, label] of [[ruled[0]!, "歳入合計"], [ruled[1]!, "歳出合計"]] as const) {
      const c = checkTotals(t).find((c) => c.label === label && c.column === "補正額")!;
      expect([c.printed, c.sum, c.ok]).toEqual([-110893, -110893, true]);
    }
  });

  test("18 (財務省): a table printed without column headers carries the unit printed over the page (単位 億円)", async () => {
    expect(stitchTables(await pageTables("18_mof_R2-hosei-yosan-dai1go.pdf", 1)).map((t) => t.unit)).toEqual(["億円", "億円"]);
  });
});
