/**
 * What a budget book (予算書) says, as the ledger reader (src/pipeline/ledger.ts) reads it
 * and its checks (src/checks/budget.ts) check it: the levels 款 → 項 → 目 → 節 with their
 * amounts, the printed totals, the schedules beside the budget, each value with its page
 * and box.
 */
import type { Box } from "./page.js";

/** An amount as printed: yen (printed × unit), the printed text and unit, where. */
export interface Amount {
  yen: number | null;
  printed: string;
  unit: string;
  page: number;
  box: Box;
}
export interface Named {
  no: number | null;
  name: string;
}
export interface Place {
  page: number;
  box: Box;
}
export interface Amounts {
  now: Amount | null;
  before: Amount | null;
  diff: Amount | null;
  /** The four 財源 columns; null where the cell is blank (none). */
  sources: (Amount | null)[] | null;
}
/** A row of 第1表 (level 1 = 款, 2 = 項) or of 総括 (level 1). */
export interface LevelRow extends Amounts, Place {
  side: string | null;
  level: 1 | 2;
  l1: Named;
  l2: Named | null;
}
/** A 目 of the detail tables. */
export interface DetailRow extends Amounts, Place {
  side: string | null;
  l1: Named | null;
  l2: Named | null;
  l3: Named;
  pages: number[];
  items: ItemRow[];
  notes: NoteRow[];
}
/** A 節. */
export interface ItemRow extends Place {
  no: number | null;
  name: string;
  amount: Amount | null;
  /** 小区分 lines printed under the 節 name. */
  subs: string[];
}
/** A 説明 line. */
export interface NoteRow extends Place {
  /** 1 for a line with the first marker (○), 2 for the second (・) or a line under a ○ line … */
  level: number;
  /** The line starts with a marker. */
  marked: boolean;
  text: string;
  amount: Amount | null;
}
/** A printed total: 計 (a 項 of the detail tables) or 歳入合計 / 歳出合計. */
export interface TotalRow extends Amounts, Place {
  side: string | null;
  kind: "first" | "summary" | "detail";
  label: string;
  l1: Named | null;
  l2: Named | null;
}

/** A row of a schedule beside the budget (債務負担行為, 地方債): its fields as printed, its amount. */
export interface ScheduleRow extends Place {
  /** The schedule's id (LedgerSchedule.id). */
  schedule: string;
  /**
   * Each column's text (spaces dropped, lines joined; a cell spanning rows gives each its
   * text); null where blank. A 変更 row of a 補正 gives those of its 補正後 side.
   */
  fields: Record<string, string | null>;
  /** Its amount: the 限度額, or in a 変更 row of a 補正 the one after it (補正後). */
  amount: Amount | null;
  /** In a 補正 of the schedule (地方債補正): the section the row is printed under (追加, 変更, 廃止). */
  section?: string | null;
  /** In a 変更 row of a 補正: the amount before it (補正前). */
  before?: Amount | null;
}
/** A schedule's printed total row (合計). */
export interface ScheduleTotal extends Place {
  schedule: string;
  label: string;
  amount: Amount | null;
}

export interface Ledger {
  /** A supplementary budget (補正予算): 補正前の額, 補正額, 計 instead of 前年度, 比較, 本年度. */
  supplementary: boolean;
  fiscalYear: number | null;
  municipality: { name: string; code: string | null } | null;
  first: LevelRow[];
  summary: LevelRow[];
  details: DetailRow[];
  totals: TotalRow[];
  /** Rows of the schedules beside the budget (第2表 債務負担行為, 第3表 地方債), in page order. */
  schedules: ScheduleRow[];
  scheduleTotals: ScheduleTotal[];
}
