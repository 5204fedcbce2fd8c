/**
 * kohyo — the library entry. Everything exported here is public API.
 */
export { KOHYO_VERSION } from "./version.js";
export type { Diagnostic, Severity } from "./model/finding.js";
export { EXIT, InputError, exitCodeFor, type InputErrorReason } from "./errors.js";
export { openPdf, PdfDocument, PDFJS_ASSETS, type OpenOptions, type OpenResult } from "./pdf/load.js";
export type { Box, DocumentInfo, Link, Page, Rule, TextRun } from "./model/page.js";
export { rulesFromSegments, mergeRules, MAX_RULE_THICKNESS } from "./pdf/rules.js";
export { interpret, type Segment, type FontInfo, type PageContent } from "./pdf/content.js";
export { GlyphList, type Glyph, type GlyphShow } from "./pdf/glyphs.js";
export { runsFromGlyphs } from "./pdf/text.js";
export { setUpProcess } from "./runtime.js";
export { repairText, replaceRadicals, widenHalfwidthKana, dropControls, dropFakeBoldCopies } from "./text/index.js";
export { groupLines, type Line } from "./layout/lines.js";
export * from "./normalize/index.js";
export * from "./table/index.js";
export * from "./facts/index.js";
export { tablePipeline } from "./pipeline/engine.js";
export { drive } from "./pipeline/drive.js";
export type { CheckSpec, DerivedSpec, FieldKind, FieldSpec, TablePipelineSpec, TableSpec } from "./pipeline/spec.js";
export type { Assembler, AssemblyContext, Check, Column, PageAnalysis, PageAnalysisBase, Pipeline, PipelineResult, RecordTable, TableSink } from "./pipeline/types.js";
export { PIPELINES, pipelineByName, recognise } from "./registry.js";
export { dataPackage, recordsJson, tableCsv, writeOutputs } from "./output/write.js";
