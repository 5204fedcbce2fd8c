/**
 * A table pipeline's flat CSV columns, derived from its fields by kind (1セル1データ:
 * a municipality is a name and a code, a contact is departments, phone, extension and
 * note), then where each record was printed.
 */
import { getPath } from "../checks/index.js";
import type { TablePipelineSpec } from "./spec.js";
import type { Column } from "./types.js";

type Rec = Record<string, unknown>;
type Flat = string | number | boolean | null;

const at = (path: string) => (r: Rec): Flat => {
  const v = getPath(r, path);
  return v === undefined ? null : (v as Flat);
};

export function recordColumns(spec: TablePipelineSpec): Column<Rec>[] {
  const out: Column<Rec>[] = [];
  if (spec.key === undefined) out.push({ name: "row", title: "行", type: "integer", description: "the record's place in its table (1, 2, …): its key", value: at("row") });
  spec.fields.forEach((f, i) => {
    switch (f.kind) {
      case "municipality":
        out.push(
          { name: `${f.path}.name`, title: f.title, type: "string", value: at(`${f.path}.name`) },
          { name: `${f.path}.code`, title: `${f.title}（全国地方公共団体コード）`, type: "string", description: "全国地方公共団体コード (6 digits with check digit)", value: at(`${f.path}.code`) },
        );
        break;
      case "contact":
        out.push(
          { name: `${f.path}.departments`, title: `${f.title}（部署）`, type: "string", description: "departments, top to bottom, separated by ／", value: (r) => ((getPath(r, `${f.path}.departments`) as string[] | undefined) ?? []).join("／") || null },
          { name: `${f.path}.phone`, title: `${f.title}（電話番号）`, type: "string", value: at(`${f.path}.phone`) },
          { name: `${f.path}.extension`, title: `${f.title}（内線）`, type: "string", value: at(`${f.path}.extension`) },
          { name: `${f.path}.note`, title: `${f.title}（備考）`, type: "string", value: at(`${f.path}.note`) },
        );
        break;
      case "amount":
        out.push({ name: f.path, title: `${f.title}（円）`, type: "integer", unit: "円", description: "yen (the table prints it in its own unit, e.g. 千円)", value: at(f.path) });
        break;
      case "integer":
      case "count":
        out.push({ name: f.path, title: f.title, type: "integer", ...(f.unit !== undefined && { unit: f.unit }), value: at(f.path) });
        break;
      case "date":
        out.push({ name: f.path, title: f.title, type: "date", description: "ISO 8601 (西暦)", value: at(f.path) });
        break;
      default:
        out.push({ name: f.path, title: f.title, type: "string", value: at(f.path) });
    }
    for (const d of spec.derived ?? []) {
      if (d.from === f.path) {
        out.push({ name: d.path, title: d.title, type: "string", description: "target groups found in the text, separated by ／", value: (r) => ((getPath(r, d.path) as string[] | undefined) ?? []).join("／") || null });
      }
    }
    if (f.group && !spec.fields.slice(i + 1).some((g) => g.group === f.group)) {
      const key = spec.fields.find((k) => k.path === spec.key) ?? { path: "row", title: "行" };
      out.push({ name: f.group, title: `${spec.fields.find((g) => g.group === f.group)!.title}の組（${key.title}）`, type: "integer", description: `the ${key.path} of the first row of the rows sharing one merged amount cell`, value: at(f.group) });
    }
  });
  if (spec.levels) {
    const key = spec.key === undefined ? "row" : spec.fields.find((k) => k.path === spec.key)?.title ?? spec.key;
    out.push(
      { name: "level", title: "階層", type: "integer", description: "depth in the table's hierarchy (0 = top: 款, 1 = 項, …)", value: at("level") },
      { name: "parent", title: `親（${key}）`, type: "string", description: "the key of the row this one belongs to; empty at the top", value: (r) => { const p = getPath(r, "parent"); return p === null || p === undefined ? null : String(p); } },
    );
  }
  out.push(
    { name: "provenance.page", title: "ページ", type: "integer", description: "page of the PDF the row is printed on", value: at("provenance.page") },
    // The row's box in four columns, as every CSV of kohyo writes a box (facts.csv, totals.csv).
    ...(["x0", "y0", "x1", "y1"] as const).map((k) => ({
      name: `provenance.box.${k}`,
      title: `位置 ${k}`,
      type: "number" as const,
      unit: "pt",
      description: `the row's box on the page, ${k}: points from the page's top-left corner, to 0.1 pt`,
      value: (r: Rec) => boxCorner(getPath(r, "provenance.box"), k),
    })),
  );
  return out;
}

function boxCorner(b: unknown, k: "x0" | "y0" | "x1" | "y1"): number | null {
  if (!b || typeof b !== "object") return null;
  const n = (b as Record<string, unknown>)[k];
  return typeof n === "number" ? Math.round(n * 10) / 10 : null;
}
