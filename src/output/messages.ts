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
  reading: (file: string, pages: number, total: number | null, rate: number) =>
    `${file}: ${num(pages)}${total ? `/${num(total)}` : ""} pages · ${num(Math.round(rate * 10) / 10)} pages/s`,
  families: "Document families kohyo knows:",
  recognisedAt: (pct: number) => `kohyo extract recognises a family by itself from ${num(pct)} %`,
  match: (score: number, recognised: boolean) => `${num(Math.round(score * 100))} %${recognised ? " — recognised" : ""}`,
  wordsFound: "found",
  wordsMissing: "missing",
  none: "none",
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
  reading: (file, pages, total, rate) => `${file}: ${num(pages)}${total ? `/${num(total)}` : ""} ページ · 毎秒 ${num(Math.round(rate * 10) / 10)} ページ`,
  families: "kohyo が知っている文書の種類:",
  recognisedAt: (pct) => `kohyo extract は ${num(pct)} % 以上で自動的に種類を認識します`,
  match: (score, recognised) => `${num(Math.round(score * 100))} %${recognised ? " — 認識" : ""}`,
  wordsFound: "あり",
  wordsMissing: "なし",
  none: "なし",
};

export const say = (lang: Lang): Messages => (lang === "ja" ? ja : en);
