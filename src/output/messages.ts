/**
 * What kohyo says on the terminal, in English (the default) and in Japanese (`--lang ja`,
 * or a LANG / LC_ALL / LC_MESSAGES of ja_*): one catalogue per language, with the same
 * members, so a message missing in one is a type error. Numbers in messages are written
 * alike everywhere (see num).
 */

export type Lang = "en" | "ja";

/** The language asked for: --lang, else the environment's locale (LC_ALL, LC_MESSAGES, LANG), else English. */
export function langOf(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang | null {
  if (option !== undefined) return option === "ja" || option === "en" ? option : null;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^ja(_|$|\.)/i.test(locale) ? "ja" : "en";
}

/** A number as every message writes it: thousands separated by commas, at most 2 decimals. */
export const num = (v: number): string => v.toLocaleString("en-US", { maximumFractionDigits: 2 });

/** Why a file could not be read, as each language names it (the detail after it stays kohyo's own words). */
type Reason = "not-found" | "not-a-pdf" | "damaged" | "encrypted" | "no-text" | "unrecognised" | "over-limit";
const REASON_JA: Record<Reason, string> = {
  "not-found": "ファイルがありません",
  "not-a-pdf": "PDF ではありません",
  damaged: "PDF が壊れています",
  encrypted: "暗号化されています",
  "no-text": "テキストがありません",
  unrecognised: "どの種類の文書か認識できません",
  "over-limit": "上限を超えました",
};

/** What a message needs of a check (src/pipeline/types.ts Check). */
interface CheckLike {
  rule: string;
  message: string;
  column?: string | undefined;
  printed?: number | string | null | undefined;
  sum?: number | null | undefined;
  difference?: number | null | undefined;
}

/** What a message needs of a failed total of `kohyo tables`. */
interface TableTotalLike {
  severity: string;
  file: string;
  page: number;
  label: string;
  column: string;
  printed: number;
  sum: number;
  difference: number;
  rows: number;
  formula?: string | null | undefined;
}

/** "1 check", "2 checks" (English); Japanese has no plural. */
const count = (n: number, one: string, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;

const en = {
  needsFile: (command: string) => `${command} needs at least one FILE`,
  unknownOption: (command: string, option: string) => `kohyo ${command}: unknown option ${option}`,
  unknownCommand: (command: string) => `kohyo: unknown command "${command}"`,
  badLang: (v: string) => `--lang is en or ja, not "${v}"`,
  seeHelp: (command: string) => `(kohyo help ${command} for its options and examples)`,
  checksFailed: (n: number) => `${count(n, "check")} failed`,
  checksPassed: (passed: number, warnings: number) => `all checks passed (${num(passed)} passed, ${count(warnings, "warning")})`,
  checksSummary: (failed: number, passed: number, warnings: number) =>
    `${count(failed, "check")} failed (${num(passed)} passed, ${count(warnings, "warning")})`,
  records: (n: number) => count(n, "record"),
  tables: (n: number) => count(n, "table"),
  facts: (n: number) => count(n, "fact"),
  rows: (n: number) => count(n, "row"),
  pages: (n: number) => count(n, "page"),
  weak: (file: string, why: string) => `kohyo: warning: ${file}: ${why}`,
  weakResult: (failed: number, passed: number, warnings: number) =>
    `WEAK RESULT, exit 9 (${num(failed)} failed, ${num(passed)} passed, ${count(warnings, "warning")})`,
  noRecords: (pipeline: string) => `the ${pipeline} pipeline found no records: is this document one of its family? (kohyo pipelines FILE)`,
  interrupted: (done: number, total: number) =>
    `kohyo: interrupted: ${num(done)} of ${num(total)} files finished and kept in the manifest; run the same command again to go on`,
  /** kohyo tables / facts stopped by Ctrl-C: no manifest, and nothing of the file being read left. */
  readInterrupted: (done: number, total: number) =>
    `kohyo: interrupted: ${num(done)} of ${num(total)} files finished${done < total ? "; nothing of the file being read is kept" : ""}`,
  reading: (file: string, pages: number, total: number | null, rate: number) =>
    `${file}: ${num(pages)}${total ? `/${num(total)}` : ""} pages · ${num(Math.round(rate * 10) / 10)} pages/s`,
  families: "Document families kohyo knows:",
  recognisedAt: (pct: number) => `kohyo extract recognises a family by itself from ${num(pct)} %`,
  match: (score: number, recognised: boolean) => `${num(Math.round(score * 100))} %${recognised ? " — recognised" : ""}`,
  wordsFound: "found",
  wordsMissing: "missing",
  none: "none",
  /** The one line for a file that could not be read. */
  unreadable: (file: string, _reason: Reason, detail: string) => `kohyo: ${file}: ${detail}`,
  checkFailedLine: (file: string, where: string, message: string) => `kohyo: check failed: ${file}${where}: ${message}`,
  /** A check's finding as the terminal shows it (kohyo's own words, also in report.json). */
  checkText: (c: CheckLike) => c.message,
  /** `kohyo tables`: a printed total that its rows (or its formula) do not give. */
  tableTotal: (t: TableTotalLike) =>
    `kohyo: ${t.severity}: ${t.file} p.${t.page}: ${t.label} of ${t.column || "column"} prints ${num(t.printed)}, ` +
    `${t.formula ? `${t.formula} gives` : `the ${t.rows === 1 ? "row" : `${num(t.rows)} rows`} above ${t.rows === 1 ? "sums" : "sum"} to`} ${num(t.sum)} (difference ${num(t.difference)})`,
  strictNothingWritten: (file: string) => `kohyo: ${file}: --strict: checks failed, nothing written`,
  fileSummary: (file: string, pipeline: string, tables: number, records: number) => `${file}: ${pipeline} · ${count(tables, "table")} · ${count(records, "record")}`,
  tableSummary: (name: string, pages: string, records: number) => `${name} (pages ${pages}): ${count(records, "record")}`,
  totalLine: (column: string, printed: string, sum: string, difference: string | null) =>
    `total ${column}: printed ${printed}, sum ${sum}${difference ? `, difference ${difference}` : ""}`,
  totalOnly: (column: string, message: string) => `total ${column}: ${message}`,
  otherChecks: (passed: number, failed: number, warnings: number) => `other checks: ${num(passed)} passed, ${num(failed)} failed, ${count(warnings, "warning")}`,
  skipped: (file: string) => `${file}: unchanged since the last run, skipped (--force extracts it again)`,
  skippedFailed: (error: string) => `kohyo: ${error} (unchanged since the last run; --force reads it again)`,
  perFile: (done: number, total: number, file: string, label: string, rate: number) => `[${done}/${total}] ${file}: ${label} · ${rate.toFixed(1)} pages/s`,
  bar: (bar: string, done: number, total: number, pages: number, rate: number, failed: number) =>
    `[${bar}] ${done}/${total} files · ${num(pages)} pages · ${rate.toFixed(1)} pages/s · ${num(failed)} failed`,
  statusOk: (records: number) => `ok, ${count(records, "record")}`,
  statusFailed: (failed: number, records: number) => `${count(failed, "check")} failed, ${count(records, "record")}`,
  statusWeak: (records: number) => `weak result, ${count(records, "record")}`,
  statusSkipped: (why: string | null) => (why ? `unchanged, skipped (${why})` : "unchanged, skipped"),
  statusUnreadable: (reason: string) => `unreadable (${reason})`,
  skippedUnreadable: (reason: string) => `unreadable: ${reason}`,
  statusNoPipeline: "no pipeline",
  statusBadPages: "bad --pages",
  statusInternal: "internal error",
  tableHead: ["file", "pipeline", "pages", "records", "checks ok/failed/warn", "status"] as readonly string[],
  tableFoot: (files: number, bad: number, pages: number, seconds: number) =>
    `${count(files, "file")}, ${num(bad)} with problems, ${count(pages, "page")} in ${seconds.toFixed(1)} s (${seconds > 0 ? (pages / seconds).toFixed(1) : "—"} pages/s)`,
} as const;

export type Messages = { [K in keyof typeof en]: (typeof en)[K] extends string ? string : (typeof en)[K] };

const ja: Messages = {
  needsFile: (command) => `${command} にはファイルを1つ以上指定してください`,
  unknownOption: (command, option) => `kohyo ${command}: ${option} というオプションはありません`,
  unknownCommand: (command) => `kohyo: "${command}" というコマンドはありません`,
  badLang: (v) => `--lang は en か ja です（"${v}" は使えません）`,
  seeHelp: (command) => `（オプションと例は kohyo help ${command}）`,
  checksFailed: (n) => `${num(n)} 件のチェックが不合格`,
  checksPassed: (passed, warnings) => `すべてのチェックに合格（合格 ${num(passed)} 件、警告 ${num(warnings)} 件）`,
  checksSummary: (failed, passed, warnings) => `${num(failed)} 件のチェックが不合格（合格 ${num(passed)} 件、警告 ${num(warnings)} 件）`,
  records: (n) => `${num(n)} 件のレコード`,
  tables: (n) => `表 ${num(n)} 個`,
  facts: (n) => `${num(n)} 件の項目`,
  rows: (n) => `${num(n)} 行`,
  pages: (n) => `${num(n)} ページ`,
  weak: (file, why) => `kohyo: 警告: ${file}: ${why}`,
  weakResult: (failed, passed, warnings) => `結果が不十分、終了コード 9（不合格 ${num(failed)} 件、合格 ${num(passed)} 件、警告 ${num(warnings)} 件）`,
  noRecords: (pipeline) => `${pipeline} パイプラインではレコードが1件も見つかりません。この種類の文書ですか？（kohyo pipelines FILE で確認できます）`,
  interrupted: (done, total) => `kohyo: 中断しました。${num(total)} ファイル中 ${num(done)} ファイルを完了し、マニフェストに記録しました。同じコマンドをもう一度実行すると続きから処理します`,
  readInterrupted: (done, total) => `kohyo: 中断しました。${num(total)} ファイル中 ${num(done)} ファイルを完了しました${done < total ? "。読み込み中だったファイルの出力は残していません" : ""}`,
  reading: (file, pages, total, rate) => `${file}: ${num(pages)}${total ? `/${num(total)}` : ""} ページ · 毎秒 ${num(Math.round(rate * 10) / 10)} ページ`,
  families: "kohyo が知っている文書の種類:",
  recognisedAt: (pct) => `kohyo extract は ${num(pct)} % 以上で自動的に種類を認識します`,
  match: (score, recognised) => `${num(Math.round(score * 100))} %${recognised ? " — 認識" : ""}`,
  wordsFound: "あり",
  wordsMissing: "なし",
  none: "なし",
  unreadable: (file, reason, detail) => `kohyo: ${file}: ${REASON_JA[reason]}（${detail}）`,
  checkFailedLine: (file, where, message) => `kohyo: チェック不合格: ${file}${where}: ${message}`,
  // A total that does not add up in Japanese; the other checks' findings in kohyo's own (English) words.
  checkText: (c) =>
    c.rule === "total/sum" && typeof c.printed === "number" && typeof c.sum === "number"
      ? `${c.column ?? ""} の合計: 印刷 ${num(c.printed)}、行の和 ${num(c.sum)}${c.difference ? `（差 ${num(c.difference)}）` : ""}`
      : c.message,
  tableTotal: (t) =>
    `kohyo: ${t.severity === "error" ? "エラー" : "警告"}: ${t.file} p.${t.page}: ${t.column || "列"} の${t.label}: 印刷 ${num(t.printed)}、` +
    `${t.formula ? `${t.formula} では` : `上の ${num(t.rows)} 行の和は`} ${num(t.sum)}（差 ${num(t.difference)}）`,
  strictNothingWritten: (file) => `kohyo: ${file}: --strict: チェックが不合格のため何も書き出していません`,
  fileSummary: (file, pipeline, tables, records) => `${file}: ${pipeline} · 表 ${num(tables)} 個 · ${num(records)} 件のレコード`,
  tableSummary: (name, pages, records) => `${name}（${pages} ページ）: ${num(records)} 件のレコード`,
  totalLine: (column, printed, sum, difference) => `合計 ${column}: 印刷 ${printed}、集計 ${sum}${difference ? `、差 ${difference}` : ""}`,
  totalOnly: (column, message) => `合計 ${column}: ${message}`,
  otherChecks: (passed, failed, warnings) => `その他のチェック: 合格 ${num(passed)} 件、不合格 ${num(failed)} 件、警告 ${num(warnings)} 件`,
  skipped: (file) => `${file}: 前回から変わっていないため省略しました（--force でもう一度抽出します）`,
  skippedFailed: (error) => `kohyo: ${error}（前回から変わっていません。--force でもう一度読みます）`,
  perFile: (done, total, file, label, rate) => `[${done}/${total}] ${file}: ${label} · 毎秒 ${rate.toFixed(1)} ページ`,
  bar: (bar, done, total, pages, rate, failed) => `[${bar}] ${done}/${total} ファイル · ${num(pages)} ページ · 毎秒 ${rate.toFixed(1)} ページ · 問題 ${num(failed)} 件`,
  statusOk: (records) => `合格、${num(records)} 件のレコード`,
  statusFailed: (failed, records) => `${num(failed)} 件のチェックが不合格、${num(records)} 件のレコード`,
  statusWeak: (records) => `結果が不十分、${num(records)} 件のレコード`,
  statusSkipped: (why) => (why ? `変更なし、省略（${why}）` : "変更なし、省略"),
  statusUnreadable: (reason) => `読めません（${REASON_JA[reason as Reason] ?? reason}）`,
  skippedUnreadable: (reason) => `読めません: ${REASON_JA[reason as Reason] ?? reason}`,
  statusNoPipeline: "該当する種類なし",
  statusBadPages: "--pages の指定が誤り",
  statusInternal: "内部エラー",
  tableHead: ["ファイル", "パイプライン", "ページ", "レコード", "チェック 合格/不合格/警告", "状態"],
  tableFoot: (files, bad, pages, seconds) =>
    `${num(files)} ファイル（問題あり ${num(bad)}）、${num(pages)} ページを ${seconds.toFixed(1)} 秒で処理（毎秒 ${seconds > 0 ? (pages / seconds).toFixed(1) : "—"} ページ）`,
};

export const say = (lang: Lang): Messages => (lang === "ja" ? ja : en);
