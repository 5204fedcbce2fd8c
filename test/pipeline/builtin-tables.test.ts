/** The built-in pipeline of `kohyo tables` on the one driver: tables handed on as they are complete. */
import { expect, test } from "vitest";
import { drive } from "../../src/pipeline/drive.js";
import { tablesPipeline, type TableJson } from "../../src/pipeline/builtin/tables.js";
import { open, sample } from "../helpers.js";

test("each table goes to the sink once it is complete: the table of pp. 1–3 before page 4 is done, the last at the end", async () => {
  // The A3 rendering: 一般事業 printed over pages 1–3, 合計 table on page 4.
  const doc = await open(sample("tokyo-plan-r5-a3-mincho.pdf"));
  try {
    let read = 0;
    const handed: [string, number[], number][] = [];
    const result = await drive(
      tablesPipeline(),
      doc,
      undefined,
      async (t: TableJson) => void handed.push([t.id, t.pages, read]),
      (n) => (read = n),
    );
    expect(handed).toEqual([
      ["p001-t01", [1, 2, 3], 3],
      ["p004-t01", [4], 4],
    ]);
    // Handed over, not kept as well.
    expect(result.tables).toEqual([]);
  } finally {
    await doc.close();
  }
});

test("--table and --header-rows ID=N apply to the table they name, counted among all tables", async () => {
  const doc = await open(sample("tokyo-plan-r5-a3-mincho.pdf"));
  try {
    const { tables } = await drive(tablesPipeline({ only: ["p004-t01"], headerRowsOf: { "p004-t01": 1 } }), doc);
    expect(tables.map((t) => [t.id, t.pages, t.headerRows])).toEqual([["p004-t01", [4], 1]]);
  } finally {
    await doc.close();
  }
});
