/**
 * What a table pipeline declares (pipelines/<name>.ts): data only — the engine
 * (./engine.ts) does the reading. Field paths are dotted ("targets.employed").
 */
import type { ZodType } from "zod";
import type { CheckSpec } from "../checks/index.js";

/**
 * How a cell is read:
 * - integer: a whole number (整理番号);
 * - count: a number of people/firms; "－" means none (null);
 * - amount: money; bare numbers are in the table's unit (（単位：千円）) and become yen;
 * - text: the cell's text joined as the page reads;
 * - enum: text that must be one of `values`;
 * - date: a date (令和5年4月1日, R5.4.1) → ISO;
 * - municipality: a name → { name, code } (全国地方公共団体コード);
 * - contact: a 問合せ先 block → { departments, phone, extension, note }.
 */
export type FieldKind = "integer" | "count" | "amount" | "text" | "enum" | "date" | "municipality" | "contact";

export interface FieldSpec {
  path: string;
  /** Japanese column name (CSV header, datapackage title). */
  title: string;
  /**
   * Header aliases. A string matches a column whose header (all levels joined) contains
   * it; an array matches a column whose header levels contain each part in order.
   * Matching ignores spaces, letter-spacing and the width of brackets.
   */
  headers: (string | string[])[];
  kind: FieldKind;
  /** The column must be there: a table without it is not this pipeline's table. */
  required?: boolean;
  /** For enum: the allowed values. */
  values?: string[];
  /** For count: the unit of the number (人, 事業所), for the datapackage. */
  unit?: string;
  /** For municipality: the prefecture the names are in. */
  prefecture?: string;
  /**
   * Row groups: a cell merged over several rows is one value for the group. It is kept
   * on the group's first row only (null on the others), and every row of the group
   * gets the group's first key in the field named here.
   */
  group?: string;
}

/** A field computed from another one. targetGroups: tags from the text (kuromoji). */
export interface DerivedSpec {
  path: string;
  title: string;
  from: string;
  kind: "targetGroups";
}

export interface TableSpec {
  /** ASCII id (datapackage resource name). */
  id: string;
  /** The table's name in the output (records.json, <name>.csv). */
  name: string;
  /** Words of the title line printed above the table that name it. */
  title: string[];
  /** Header words only this table has: how it is named when no title is printed. */
  columns?: string[];
}

/** The checks a table pipeline can declare (any of the registry's): each runs on every table's records. */
export type { CheckSpec };

export interface TablePipelineSpec {
  name: string;
  description: string;
  recognise: { title: string[]; header: string[] };
  tables: TableSpec[];
  /**
   * The field that identifies a row (整理番号): primary key, check messages. Without one,
   * each record gets `row`, its place in the table (1, 2, …), as its key.
   */
  key?: string;
  /**
   * A table whose rows are a hierarchy (款 → 項 → 目, by label columns, numbering or
   * indentation, as src/table/levels.ts finds it): each record gets `level` (0 at the top)
   * and `parent` (the key of the row it belongs to; null at the top).
   */
  levels?: boolean;
  fields: FieldSpec[];
  derived?: DerivedSpec[];
  /** Labels of the printed total row (spaces and letter-spacing ignored). */
  totalRow: string[];
  /** The record schema: every record must pass it. */
  record: ZodType;
  checks: CheckSpec[];
}
