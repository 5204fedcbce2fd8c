/**
 * `kohyo extract FILE... [--pipeline NAME] [-o DIR] [--bom] [--header ja|en] [--strict]`
 *
 * Each file → its pipeline (recognised from its first pages, or named) → checked
 * records, written to DIR/<file name>/ (records.json, one CSV per table,
 * datapackage.json, report.json; DIR defaults to output/). One summary per file on
 * stdout; each failing check on stderr with page and box. Exit 1 when a check fails
 * (outputs still written, unless --strict); unreadable files as every command.
 */
import { join } from "node:path";
import { InputError } from "../errors.js";
import { pipelineByName, recognise } from "../pipeline/registry.js";
import type { Check, PipelineResult } from "../pipeline/types.js";
import { failing, summarise, writeOutputs } from "../pipeline/write.js";
import { type CliIO, outputName } from "./io.js";
import { runBatch, withDocument } from "./run.js";

export interface ExtractOptions {
  files: string[];
  pipeline?: string;
  pages?: string;
  password?: string;
  outDir?: string;
  bom?: boolean;
  header?: "ja" | "en";
  strict?: boolean;
}

export async function extract(opts: ExtractOptions, io: CliIO): Promise<number> {
  const where = { ...(opts.password !== undefined && { password: opts.password }), ...(opts.pages !== undefined && { pages: opts.pages }) };
  return runBatch(opts.files, io, async (file) => {
    let unrecognised: InputError | null = null;
    const outcome = await withDocument(file, where, io, async (doc, pages) => {
      let pipeline = opts.pipeline ? pipelineByName(opts.pipeline) ?? null : null;
      if (!pipeline) {
        const found = await recognise(doc, pages);
        if (!found.pipeline) {
          if (doc.verdict()) return { checksFailed: false }; // unreadable: reported as such
          unrecognised = new InputError(
            file,
            "unrecognised",
            `no pipeline recognises this document (closest: ${found.best}, ${Math.round(found.score * 100)}% of its title and header words); name one with --pipeline, or use kohyo tables / kohyo facts`,
          );
          return { checksFailed: false };
        }
        pipeline = found.pipeline;
      }
      const result = await pipeline.run(doc, pages);
      if (doc.verdict()) return { checksFailed: false };
      const failed = result.tables.flatMap((t) => t.checks).filter(failing);
      const noTable = result.diagnostics.filter((d) => d.rule === "pipeline/no-table");
      const dir = join(opts.outDir ?? "output", outputName(file));
      const written = opts.strict && (failed.length || noTable.length) ? null : await writeOutputs(dir, doc.info, result, opts);
      printSummary(file, result, written ? dir : null, io);
      for (const c of failed) io.err(`kohyo: check failed: ${file}${where_(c)}: ${c.message}\n`);
      for (const d of noTable) io.err(`kohyo: check failed: ${file}: ${d.message}\n`);
      if (!written) io.err(`kohyo: ${file}: --strict: checks failed, nothing written\n`);
      return { checksFailed: failed.length > 0 || noTable.length > 0 };
    });
    return unrecognised ?? outcome;
  });
}

/** " p.3 [x0,y0,x1,y1]" for a check that knows where it is. */
function where_(c: Check): string {
  if (c.page === undefined) return "";
  const b = c.box ? ` [${[c.box.x0, c.box.y0, c.box.x1, c.box.y1].map((n) => n.toFixed(1)).join(",")}]` : "";
  return ` p.${c.page}${b}`;
}

const n = (v: unknown) => (typeof v === "number" ? v.toLocaleString("en-US") : String(v ?? "—"));

function printSummary(file: string, result: PipelineResult, dir: string | null, io: CliIO): void {
  const s = summarise(result);
  io.out(`${file}: ${result.pipeline} · ${s.tables} tables · ${s.records} records${dir ? ` → ${dir}/` : ""}\n`);
  for (const t of result.tables) {
    io.out(`  ${t.name} (pages ${t.pages.join(",")}): ${t.records.length} records\n`);
    for (const c of t.checks.filter((c) => c.rule === "total/sum")) {
      const mark = c.ok ? "ok  " : failing(c) ? "FAIL" : "warn";
      io.out(
        c.printed === undefined
          ? `    ${mark} total ${c.column ?? ""}: ${c.message}\n`
          : `    ${mark} total ${c.column}: printed ${n(c.printed)}, sum ${n(c.sum)}${c.difference ? `, difference ${n(c.difference)}` : ""}${where_(c)}\n`,
      );
    }
    const others = t.checks.filter((c) => c.rule !== "total/sum");
    const ok = others.filter((c) => c.ok).length;
    io.out(`    other checks: ${ok} passed, ${others.filter(failing).length} failed, ${others.filter((c) => !c.ok && !failing(c)).length} warnings\n`);
    for (const c of others.filter((c) => !c.ok && !failing(c))) io.out(`    warn ${c.rule}${where_(c)}: ${c.message}\n`);
  }
  io.out(`  ${s.failed ? `${s.failed} checks FAILED` : "all checks passed"} (${s.passed} passed, ${s.warnings} warnings)\n`);
}
