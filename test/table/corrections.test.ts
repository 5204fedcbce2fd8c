/** The corrections a reader gives, as Camelot and Tabula take them: strategy, area, columns, header rows. */
import { expect, test } from "vitest";
import { findTables } from "../../src/table/find.js";
import { dataRows, stitchTables } from "../../src/table/stitch.js";
import { corpus, HAVE_CORPUS, kohyo, readAll } from "../helpers.js";

const MOF = "18_mof_R2-hosei-yosan-dai1go.pdf";
const NAIKAKUFU = "16_naikakufu_chihososei-rinji-kofukin_jisshi-keikaku-teishutsu.pdf";

test.skipIf(!HAVE_CORPUS)("18: --area and --columns read the text of the area as one table with the columns given", async () => {
  const [page] = await readAll(corpus(MOF));
  const [t, ...more] = findTables(page!, { area: { x0: 80, y0: 270, x1: 530, y1: 480 }, columns: [110, 470] });
  expect(more).toEqual([]);
  expect(t!.cols).toBe(3);
  expect(t!.cells.filter((c) => c.row === 0).map((c) => c.text)).toEqual(["⑴", "新型コロナウイルス感染症緊急経済対策関係経費", "167,058"]);
  expect(t!.cells.filter((c) => c.col === 2 && c.text !== "").map((c) => c.text)).toEqual(["167,058", "18,097", "106,308", "18,482", "9,172", "15,000", "999", "168,057"]);
});

test.skipIf(!HAVE_CORPUS)("16: strategy lattice reads only the ruled tables, stream only the text's alignment; headerRows overrides the count", async () => {
  const [page] = await readAll(corpus(NAIKAKUFU));
  expect(findTables(page!, { strategy: "lattice" }).map((t) => t.kind)).toEqual(["lattice", "lattice"]);
  expect(findTables(page!, { strategy: "stream" }).every((t) => t.kind === "stream")).toBe(true);
  const [t] = stitchTables(findTables(page!, { strategy: "lattice" }), { headerRows: 0 });
  expect(t!.headerRows).toBe(0);
  expect(dataRows(t!)[0]).toEqual(["", "合計", "都道府県", "市町村"]);
});

test("kohyo tables: a bad correction is a usage error naming the option (exit 64)", () => {
  const r = kohyo("tables", "x.pdf", "--strategy", "grid");
  expect(r.code).toBe(64);
  expect(r.err).toContain("--strategy is lattice or stream");
  expect(kohyo("tables", "x.pdf", "--area", "1,2,3").err).toContain("--area takes 4 numbers");
});
