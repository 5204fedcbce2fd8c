/**
 * The outputs of `kohyo extract` written as tables complete (OutputWriter): the same bytes
 * as writing the whole result at once, nothing in the output folder until the end, and
 * nothing at all when given up.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import type { DocumentInfo } from "../../src/model/page.js";
import { pipelineByName } from "../../src/registry.js";
import type { PipelineResult, RecordTable } from "../../src/pipeline/types.js";
import { cleanStaging } from "../../src/pipeline/staging.js";
import { csvNames, dataPackage, OutputWriter, recordsJson, report, tableCsv, writeOutputs } from "../../src/output/write.js";
import { jsonValue } from "../../src/output/io.js";
import { open, sample } from "../helpers.js";
import { drive } from "../../src/pipeline/drive.js";

const tmp = () => mkdtempSync(join(tmpdir(), "kohyo-writer-"));
const json = (v: unknown) => `${JSON.stringify(v, jsonValue, 2)}\n`;

let info: DocumentInfo;
let result: PipelineResult;

beforeAll(async () => {
  const doc = await open(sample("tokyo-plan-r5-a4.pdf"));
  info = doc.info;
  result = await drive(pipelineByName("tokyo-jinzai-plan")!, doc, undefined);
  await doc.close();
});

test("the files are byte for byte the whole result stringified: records.json, each CSV, datapackage.json, report.json", async () => {
  expect(result.tables.map((t) => t.records.length)).toEqual([28, 3]);
  const dir = join(tmp(), "plan");
  const written = await writeOutputs(dir, info, result, { bom: true });
  const csvs = csvNames(result.tables);
  expect(written).toEqual(["records.json", ...csvs, "datapackage.json", "report.json"].map((f) => join(dir, f)));
  expect(readFileSync(join(dir, "records.json"), "utf8")).toBe(json(recordsJson(info, result)));
  expect(readFileSync(join(dir, "datapackage.json"), "utf8")).toBe(json(dataPackage(info, result, { bom: true })));
  expect(readFileSync(join(dir, "report.json"), "utf8")).toBe(json(report(info, result)));
  for (const [i, t] of result.tables.entries()) expect(readFileSync(join(dir, csvs[i]!), "utf8")).toBe(await tableCsv(t, { bom: true }));
});

test("a result without tables gives an empty tables array, as JSON.stringify writes it", async () => {
  const empty: PipelineResult = { pipeline: "tokyo-jinzai-plan", tables: [], diagnostics: [{ severity: "error", rule: "pipeline/no-table", message: "no table" }] };
  const dir = join(tmp(), "empty");
  await writeOutputs(dir, info, empty);
  expect(readFileSync(join(dir, "records.json"), "utf8")).toBe(json(recordsJson(info, empty)));
  expect(JSON.parse(readFileSync(join(dir, "records.json"), "utf8"))).toMatchObject({ valid: false, tables: [] });
});

test("tables handed to the writer as the pipeline completes them are written beside the output folder, which appears only on finish", async () => {
  const parent = tmp();
  const dir = join(parent, "plan");
  const writer = new OutputWriter(dir, info, "tokyo-jinzai-plan", {});
  const handed: RecordTable[] = [];
  const doc = await open(sample("tokyo-plan-r5-a4.pdf"));
  const streamed = await drive(pipelineByName("tokyo-jinzai-plan")!, doc, undefined, async (t) => {
    handed.push(t);
    await writer.table(t);
    // Written at once, but not yet where the outputs go.
    expect(existsSync(dir)).toBe(false);
  });
  await doc.close();
  expect(streamed.tables).toEqual([]); // handed over, not kept
  expect(handed.map((t) => [t.name, t.records.length])).toEqual(result.tables.map((t) => [t.name, t.records.length]));
  const staged = readdirSync(parent);
  expect(staged).toHaveLength(1);
  expect(staged[0]).toMatch(new RegExp(`^\\.kohyo-staging-${process.pid}-[A-Za-z0-9]{6}$`));
  expect(readdirSync(join(parent, staged[0]!)).sort()).toEqual([...csvNames(result.tables), "records.json.partial"].sort());
  expect(writer.tables.map((t) => t.recordCount)).toEqual([28, 3]);
  writer.finish(streamed.diagnostics);
  expect(readdirSync(parent)).toEqual(["plan"]);
  expect(readFileSync(join(dir, "records.json"), "utf8")).toBe(json(recordsJson(info, result)));
});

test("given up, it leaves nothing: no output folder, no staging folder, and a table after that is refused", async () => {
  const parent = tmp();
  const writer = new OutputWriter(join(parent, "plan"), info, "tokyo-jinzai-plan", {});
  await writer.table(result.tables[0]!);
  writer.abort();
  writer.abort(); // twice is harmless
  expect(readdirSync(parent)).toEqual([]);
  await expect(writer.table(result.tables[1]!)).rejects.toThrow(/after the outputs were finished or given up/);
});

test("a staging leftover of a run that was killed goes when outputs are written again; a running process's stays, and so does anything not shaped like one", async () => {
  const parent = tmp();
  const dead = 2 ** 22 + 7; // above Linux's highest pid: no such process
  const kept = [
    `.kohyo-staging-${process.ppid}-def456`, // the test runner's parent: alive
    ".kohyo-staging-notapid",
    "plan.kohyo-staging-notapid",
    `plan_kohyo-staging-${dead}-abc123`, // an output folder (safeName never leaves the dot)
  ];
  const gone = [`.kohyo-staging-${dead}-abc123`, `.kohyo-staging-${dead}-manifest.json`, `plan.kohyo-staging-${dead}-abc123`]; // the last: kohyo before 0.1's layout
  for (const name of [...gone, ...kept]) mkdirSync(join(parent, name));
  await writeOutputs(join(parent, "plan"), info, result);
  expect(readdirSync(parent).sort()).toEqual(["plan", ...kept].sort());
  // This process's own leftovers (a worker that died) go when asked for.
  mkdirSync(join(parent, `.kohyo-staging-${process.pid}-ghi789`));
  cleanStaging(parent, (pid) => pid === process.pid);
  expect(readdirSync(parent).sort()).toEqual(["plan", ...kept].sort());
});

test("the new outputs take the old folder's place whole: a file of the old outputs that the new ones lack does not stay beside them", async () => {
  const parent = tmp();
  const dir = join(parent, "plan");
  mkdirSync(dir);
  writeFileSync(join(dir, "モデル事業-2.csv"), "old\n");
  writeFileSync(join(dir, "records.json"), "old\n");
  await writeOutputs(dir, info, result);
  expect(readdirSync(dir).sort()).toEqual(["records.json", ...csvNames(result.tables), "datapackage.json", "report.json"].sort());
  expect(readdirSync(parent)).toEqual(["plan"]);
});

test("an output folder set aside by a run killed while switching comes back when nothing took its place, and goes when something did", () => {
  const parent = tmp();
  const dead = 2 ** 22 + 9;
  mkdirSync(join(parent, `.kohyo-staging-${dead}-replaced-plan`));
  writeFileSync(join(parent, `.kohyo-staging-${dead}-replaced-plan`, "records.json"), "old\n");
  mkdirSync(join(parent, `.kohyo-staging-${dead}-replaced-book`));
  mkdirSync(join(parent, "book"));
  writeFileSync(join(parent, "book", "records.json"), "new\n");
  cleanStaging(parent);
  expect(readdirSync(parent).sort()).toEqual(["book", "plan"]);
  expect(readFileSync(join(parent, "plan", "records.json"), "utf8")).toBe("old\n");
  expect(readFileSync(join(parent, "book", "records.json"), "utf8")).toBe("new\n");
});

test("finishing twice, or after giving up, is refused before anything is written", async () => {
  const parent = tmp();
  const writer = new OutputWriter(join(parent, "plan"), info, "tokyo-jinzai-plan", {});
  await writer.table(result.tables[0]!);
  writer.abort();
  expect(() => writer.finish([])).toThrow(/finished or given up already/);
  expect(readdirSync(parent)).toEqual([]);
});
