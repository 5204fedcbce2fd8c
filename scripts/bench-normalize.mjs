// Benchmark for src/normalize: 100,000 mixed table cells (numbers, amounts,
// dates, phones, municipality names) cycled from strings found in the seed
// documents and the corpus. Build first: npx tsc -p tsconfig.build.json
import { pathToFileURL } from "node:url";
import { lookupMunicipality, parseAmount, parseContact, parseDate, parseNumber } from "../dist/src/normalize/index.js";

const CELLS = [
  [(t) => parseNumber(t), ["20", "-", "1,239", "１4０，０００", "△1,234", "6.54％", "1 / 2", "21～50人", "約790名", "2億3千430万"]],
  [(t) => parseAmount(t, { unit: "千円" }), ["11,433", "477,289", "-", "5,717", "30,000"]],
  [(t) => parseAmount(t), ["753億円", "3.6億円", "3,000万円（税抜）/事業", "8,635円／1人1日", "上限100万円"]],
  [(t) => parseDate(t, { context: { year: 2024 } }), ["令和5年4月1日", "R4.3.31まで", "2024.8.21(月)", "令和5年12月", "4月23日（火）", "㍻31年4月30日"]],
  [(t) => parseContact(t), ["03-3546-5329", "04992-5-0204（内線216）", "℡：022-221-4881（直通）", "042-393-5111（代表）"]],
  [(t) => lookupMunicipality(t, { prefecture: "東京都" }), ["中央区", "八王子市", "東久留米市商工会", "新島村", "北区"]],
  [(t) => lookupMunicipality(t), ["鯵ヶ沢町", "さいたま市浦和区", "中央区"]],
];

/** Normalise `cells` mixed cells; returns { cells, ms, cellsPerSecond }. */
export async function benchNormalize(cells = 100_000) {
  const work = CELLS.flatMap(([fn, texts]) => texts.map((t) => [fn, t]));
  for (const [fn, t] of work) fn(t); // warm up (loads the code list once)
  const start = performance.now();
  let checksum = 0;
  for (let i = 0; i < cells; i++) {
    const [fn, t] = work[i % work.length];
    checksum += fn(t).problems.length;
  }
  const ms = performance.now() - start;
  if (checksum < 0) throw new Error("unreachable");
  return { cells, ms: Math.round(ms * 10) / 10, cellsPerSecond: Math.round((cells / ms) * 1000) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(await benchNormalize());
}
