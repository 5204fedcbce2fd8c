/**
 * The built-in pipeline of `kohyo facts`, for documents without a family: every amount,
 * ceiling, rate, date, date range, deadline, fiscal year, phone number, e-mail address and
 * URL of each page (src/facts/extractFacts), normalised, with its page and box. A page's
 * facts are the page's own, so each page is handed on as soon as it is read: memory does
 * not grow with the document (with a sink).
 */
import type { Diagnostic } from "../../model/finding.js";
import { extractFacts } from "../../facts/extract.js";
import type { Fact } from "../../facts/types.js";
import type { PageAnalysisBase, Pipeline } from "../types.js";
import { pushAll } from "../../bounded.js";

/** The stable JSON form of one file's facts (documented in the README). */
export interface FactsJson {
  file: string;
  sha256: string;
  pages: number;
  facts: Fact[];
  diagnostics: Diagnostic[];
}

export interface FactsPageAnalysis extends PageAnalysisBase {
  facts: Fact[];
}

/** The facts not handed to the sink, and the diagnostics: the document's, then its pages'. */
export interface FactsResult {
  pipeline: "facts";
  facts: Fact[];
  diagnostics: Diagnostic[];
}

/** The facts pipeline; its "tables" are the facts of one page (a sink takes them page by page). */
export const factsPipeline: Pipeline<FactsPageAnalysis, FactsResult, Fact[]> = {
  name: "facts",
  description: "every amount, rate, date, deadline, phone number, e-mail address and URL, normalised, with its page and box",
  // Built in, run by name (kohyo facts): it claims no document.
  recognise: () => 0,
  recognitionWords: () => [],
  analysePage: async (page) => ({ number: page.number, facts: extractFacts(page), diagnostics: page.diagnostics }),
  assembler: (doc, sink) => {
    const diagnostics = [...doc.diagnostics];
    const facts: Fact[] = [];
    return {
      async add(a) {
        pushAll(diagnostics, a.diagnostics);
        if (sink) await sink(a.facts);
        else pushAll(facts, a.facts);
      },
      finish: async () => ({ pipeline: "facts", facts, diagnostics }),
    };
  },
};
