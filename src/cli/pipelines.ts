/**
 * `kohyo pipelines [FILE...] [--password PW]`
 *
 * Without files: the document families kohyo knows, each with its description. With
 * files: for each file, each family's score on the file's first pages (as `kohyo
 * extract` scores them to recognise a document) and the words of the family found and
 * missing there, so a user can see why a file was or was not recognised.
 */
import { PIPELINES, RECOGNISED, recognitionText } from "../registry.js";
import type { CliIO } from "../output/io.js";
import { type Lang, say } from "../output/messages.js";
import { documentOptions, runBatch, withDocument } from "../batch/document.js";

export interface PipelinesOptions {
  files: string[];
  password?: string;
  lang?: Lang;
}

export async function pipelines(opts: PipelinesOptions, io: CliIO): Promise<number> {
  const m = say(opts.lang ?? "en");
  const w = Math.max(...PIPELINES.map((p) => p.name.length));
  if (opts.files.length === 0) {
    io.out(`${m.families}\n${PIPELINES.map((p) => `  ${p.name.padEnd(w)}  ${p.description}\n`).join("")}`);
    return 0;
  }
  return runBatch(opts.files, io, (file) =>
    withDocument(file, documentOptions(opts.password, undefined), io, async (doc) => {
      const text = await recognitionText(doc);
      if (doc.verdict()) return { checksFailed: false }; // withDocument reports it
      let out = `${file}:\n`;
      const scored = PIPELINES.map((p) => ({ p, score: p.recognise(text), words: p.recognitionWords(text) })).sort((a, b) => b.score - a.score);
      scored.forEach(({ p, score, words }, i) => {
        const found = words.filter((x) => x.found).map((x) => x.word);
        const missing = words.filter((x) => !x.found).map((x) => x.word);
        out += `  ${p.name.padEnd(w)}  ${m.match(score, i === 0 && score >= RECOGNISED)}\n`;
        out += `      ${m.wordsFound}: ${found.join("、") || m.none}\n`;
        out += `      ${m.wordsMissing}: ${missing.join("、") || m.none}\n`;
      });
      io.out(out);
      return { checksFailed: false };
    }),
    opts.lang,
  );
}
