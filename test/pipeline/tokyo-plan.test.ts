/**
 * The tokyo-jinzai-plan pipeline against samples/tokyo-plan-r5.truth.json: on every
 * rendering, every record equals the truth field by field and every total holds.
 * Expected values come from the truth's printed cells and values; municipality codes
 * from 総務省's 全国地方公共団体コード list.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { tokyoJinzaiPlan } from "../../pipelines/tokyo-jinzai-plan.js";
import type { PipelineResult } from "../../src/pipeline/types.js";
import { joinParts } from "../../src/table/text.js";
import { open, sample, SAMPLE_PASSWORD } from "../helpers.js";
import { drive } from "../../src/pipeline/drive.js";

interface TruthRow {
  no: number;
  cells: Record<string, string | null>;
  values: Record<string, number | null>;
}
interface TruthTable {
  name: string;
  title: string;
  unit: string;
  rows: TruthRow[];
  amountGroups: { rows: number[] }[];
  total: { values: Record<string, number> };
}
interface Rendering { file: string; mistyped?: unknown }
const truth = JSON.parse(readFileSync(sample("tokyo-plan-r5.truth.json"), "utf8")) as { tables: TruthTable[]; renderings: Rendering[] };

/** 全国地方公共団体コード (総務省), with check digit. */
const CODES: Record<string, string> = {
  中央区: "131024", 港区: "131032", 新宿区: "131041", 墨田区: "131075", 江東区: "131083", 品川区: "131091",
  世田谷区: "131121", 北区: "131172", 荒川区: "131181", 板橋区: "131199", 練馬区: "131202", 足立区: "131211",
  葛飾区: "131229", 八王子市: "132012", 三鷹市: "132047", 調布市: "132080", 小平市: "132110", 東村山市: "132136",
  東久留米市商工会: "132225", // the 商工会 of 東久留米市: the code of the municipality it is in
  新島村: "133639",
};

const text = (s: string | null | undefined) => joinParts((s ?? "").split("\n"));
/** 令和5年4月1日 → 2023-04-01 (令和 N = 2018 + N). */
function reiwa(s: string): string {
  const m = /^令和(\d+)年(\d+)月(\d+)日$/.exec(s)!;
  return `${2018 + Number(m[1])}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
}
/** The printed 問合せ先 lines: departments, then a phone with (内線…) or (代表) after it. */
function contactOf(cell: string) {
  const lines = cell.split("\n");
  const phoneLine = lines.find((l) => /^0\d/.test(l))!;
  const after = lines.slice(lines.indexOf(phoneLine)).join("");
  return {
    departments: lines.filter((l) => !/^[0（(]/.test(l)),
    phone: /^[\d-]+/.exec(phoneLine)![0],
    extension: /内線(\d+)/.exec(after)?.[1] ?? null,
    note: /（(代表)）/.exec(after)?.[1] ?? null,
  };
}

function expectedRecord(table: TruthTable, row: TruthRow) {
  const group = table.amountGroups.find((g) => g.rows.includes(row.no));
  const first = !group || group.rows[0] === row.no;
  return {
    no: row.no,
    municipality: { name: row.cells.municipality, code: CODES[row.cells.municipality!] },
    theme: row.cells.theme === undefined ? null : text(row.cells.theme),
    projectName: text(row.cells.name),
    description: text(row.cells.description),
    category: row.cells.category,
    amountYen: first ? row.values.amount! * 1000 : null,
    subsidyYen: first ? row.values.subsidy! * 1000 : null,
    amountGroup: group ? group.rows[0] : row.no,
    targets: {
      employed: row.values.targetEmployment,
      firmsAcquired: row.values.targetEmployers,
      firmsSupported: row.values.targetSupportedEmployers,
    },
    startDate: reiwa(row.cells.startDate!),
    contact: contactOf(row.cells.contact!),
  };
}

describe.each(truth.renderings.filter((r) => !r.mistyped))("tokyo-jinzai-plan on $file", (rendering) => {
  let result: PipelineResult;
  beforeAll(async () => {
    const doc = await open(sample(rendering.file), rendering.file.includes("encrypted") ? SAMPLE_PASSWORD : undefined);
    try {
      result = await drive(tokyoJinzaiPlan, doc, undefined);
    } finally {
      await doc.close();
    }
  });

  test("both tables come out, named, with title, fiscal year and unit from the page", () => {
    expect(result.tables.map((t) => [t.name, t.title, t.fiscalYear, t.unit])).toEqual(
      truth.tables.map((t) => [t.name, t.title, 2023, t.unit]),
    );
  });

  test.each(truth.tables.map((t) => [t.name, t] as const))("every %s record equals the truth field by field", (_name, table) => {
    const got = result.tables.find((t) => t.name === table.name)!;
    expect(got.records).toHaveLength(table.rows.length);
    table.rows.forEach((row, i) => {
      const { provenance: _p, targetGroups: _g, ...fields } = got.records[i] as Record<string, unknown>;
      expect(fields, `${table.name} ${row.no}`).toEqual(expectedRecord(table, row));
    });
  });

  test("every total holds: printed 合計 (in yen for amounts) equals the sum, groups counted once", () => {
    for (const table of truth.tables) {
      const sums = result.tables.find((t) => t.name === table.name)!.checks.filter((c) => c.rule === "total/sum");
      expect(sums.map((c) => [c.ok, c.printed, c.sum, c.difference])).toEqual(
        [["amount", 1000], ["subsidy", 1000], ["targetEmployment", 1], ["targetEmployers", 1], ["targetSupportedEmployers", 1]].map(
          ([k, m]) => [true, table.total.values[k as string]! * (m as number), table.total.values[k as string]! * (m as number), 0],
        ),
      );
    }
  });

  test("no check fails; the one warning is the 商工会 that is not itself a municipality", () => {
    const notOk = result.tables.flatMap((t) => t.checks).filter((c) => !c.ok);
    expect(notOk.map((c) => [c.severity, c.rule, c.record])).toEqual([["warning", "municipality/contained", 3]]);
  });

  test("each record points at its row: page and box, and the raw printed text of each field", () => {
    const general = result.tables.find((t) => t.name === "一般事業")!;
    const layout = (rendering as unknown as { pageLayout: { page: number; table: string; rows: [number, number] }[] }).pageLayout;
    for (const r of general.records as { no: number; provenance: { page: number; box: { y0: number; y1: number }; raw: Record<string, string> } }[]) {
      const page = layout.find((l) => l.table === "一般事業" && l.rows[0] <= r.no && r.no <= l.rows[1])!.page;
      expect(r.provenance.page, `row ${r.no}`).toBe(page);
      expect(r.provenance.box.y1).toBeGreaterThan(r.provenance.box.y0);
      expect(r.provenance.raw.no).toBe(String(r.no));
    }
  });
});

test("target groups are tagged from the description (江東区 5: 若者や育児休業から復職した女性)", async () => {
  const doc = await open(sample("tokyo-plan-r5-a4.pdf"));
  try {
    const result = await drive(tokyoJinzaiPlan, doc, [1]);
    const r5 = result.tables[0]!.records.find((r) => (r as { no: number }).no === 5) as { targetGroups: string[] };
    expect(r5.targetGroups).toEqual(expect.arrayContaining(["若者", "女性"]));
  } finally {
    await doc.close();
  }
});

test("the pipeline recognises the plan from its first page and not a guidebook page", async () => {
  expect(tokyoJinzaiPlan.recognise(truth.tables[0]!.title + "整理番号実施区市町村名事業名事業内容事業分類事業額補助金申請額問合せ先")).toBe(1);
  expect(tokyoJinzaiPlan.recognise("人材施策ガイドブック 1.概要 2.内容 問い合わせ先")).toBeLessThan(0.3);
});
