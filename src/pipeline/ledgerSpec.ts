/**
 * What a ledger pipeline declares (pipelines/budget-book.ts): data only — the reader
 * (./ledger.ts) does the reading, the checks it names (src/checks/budget.ts) the checking.
 *
 * A ledger is a set of tables whose rows form a hierarchy of named, numbered levels
 * (款 → 項 → 目 → 節) with amount columns: a summary table of the top two levels (第1表),
 * a summary of the top level (総括), and detail tables whose rows are the third level
 * with the fourth level and notes (説明) beside them, the top two levels printed above
 * the table (款 … 項 …) rather than in it.
 */
import type { BudgetRule } from "../checks/index.js";

/** The columns a ledger table can have. */
export type LedgerRole =
  /**
   * A column holding the top three levels as nested rows (科目), each row with its own
   * amounts: a 款, 項 or 目 by its unit word (1款, 第2項), its numbering (1 / （1） / ①) or
   * its indentation.
   */
  | "label"
  | "level1"
  | "level2"
  | "level3"
  | "item"
  | "itemAmount"
  | "notes"
  | "now"
  | "before"
  | "diff"
  | "source1"
  | "source2"
  | "source3"
  | "source4";

/**
 * A table printed beside the budget proper, one record per row with an amount column and,
 * where printed, a total row (合計) the amounts add up to: 債務負担行為 (事項, 期間, 限度額),
 * 地方債 (起債の目的, 限度額, 起債の方法, 利率, 償還の方法).
 */
export interface LedgerSchedule {
  /** ASCII id of its record table (datapackage resource). */
  id: string;
  /** Its name in the title line over the table (第2表 債務負担行為), spaces ignored; also the record table's name. */
  name: string;
  /** Its columns: field name, title, header aliases; the first is the row's label (合計 there is the total row). */
  columns: { field: string; title: string; headers: (string | string[])[] }[];
  /** The field holding the amount the rows add up by. */
  amount: string;
  /**
   * What 第1表 brings in by it: the 款 of the first side (歳入) whose name ends with this
   * (地方債: 債 — 市債, 県債, 町債), whose amount is the schedule's total (its 合計 as printed,
   * else Σ of its rows). Checked as budget/schedule-revenue.
   */
  revenue?: string;
}

export interface LedgerSpec {
  name: string;
  description: string;
  /** Words of the family with their weight; the score is the sum of the weights found (capped at 1). */
  recognise: [string, number][];
  /** Names of the four levels, outermost first (款, 項, 目, 節). */
  levels: [string, string, string, string];
  /** The two sides of the ledger (歳入, 歳出): a line naming one above a table sets the side. */
  sides: [string, string];
  /** Header aliases of each column, tried in this order (a column serves one role). */
  columns: { role: LedgerRole; title: string; headers: (string | string[])[] }[];
  /** Titles of the four 財源 columns, for records and messages. */
  sources: [string, string, string, string];
  /** Labels of rows that close a level (計) and of the grand total (歳入合計); spaces ignored. */
  subtotal: string[];
  grandTotal: string[];
  /** Unit assumed when no 単位 is printed. */
  defaultUnit: string;
  /** Note lines: a line starting with one of markers[i] is at level i + 1; others one deeper than the last marker level. */
  noteMarkers: string[][];
  /**
   * The word in the header of the change column of a supplementary budget (補正額): its
   * 財源 and 節 then add up to the change, not to the new total.
   */
  supplementary: string;
  /** Words that name the document's kind of budget in its title lines (for the municipality: the name before them). */
  titleWords: string[];
  /**
   * Tables beside the budget proper, each under a title line naming it (第N表 …); a title
   * with the supplementary word names a 補正 of it (債務負担行為補正: see amendments).
   */
  schedules: LedgerSchedule[];
  /** The checks to run, by their id in the registry (src/checks/budget.ts), in this order. */
  checks: BudgetRule[];
  /**
   * A 補正 of a schedule (地方債補正): the sections its tables are printed under (1．追加,
   * 2．変更, 3．廃止), and the words over (or under) the columns of a 変更 table, before and
   * after the change (補正前 / 変更前, 補正後 / 変更後); the first of each names the columns.
   */
  amendments: { sections: string[]; sides: [string[], string[]] };
}
