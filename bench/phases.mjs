// temporary: phase timings in one thread
import { openPdf, setUpProcess, pipelineByName } from "../dist/src/index.js";
import { analysePage } from "../dist/src/pipeline/engine.js";
import { OutputWriter } from "../dist/src/pipeline/write.js";
import { tagTargetGroups } from "../dist/src/normalize/targetGroups.js";
import { rmSync } from "node:fs";
setUpProcess();
const file = process.argv[2];
const { performance: p } = await import("node:perf_hooks");
const t = { load: 0, analyse: 0, assemble: 0, write: 0, finish: 0 };
const r = await openPdf(file);
const pipe = pipelineByName("tokyo-jinzai-plan");
rmSync("/tmp/o-ph", { recursive: true, force: true });
const writer = new OutputWriter("/tmp/o-ph", r.doc.info, pipe.name, { bom: false, header: "ja" });
const descs = [];
const asm = pipe.assembler(r.doc.diagnostics, async (table) => { const s = p.now(); await writer.table(table); t.write += p.now() - s; for (const rec of table.records) descs.push(rec.description ?? ""); });
let s = p.now();
for await (const page of r.doc.pages()) {
  t.load += p.now() - s;
  s = p.now(); const a = await analysePage(page); t.analyse += p.now() - s;
  s = p.now(); await asm.add(a); t.assemble += p.now() - s;
  s = p.now();
}
s = p.now(); const res = await asm.finish(); t.assemble += p.now() - s;
s = p.now(); writer.finish(res.diagnostics); t.finish += p.now() - s;
t.assemble -= t.write;
s = p.now(); for (const d of descs) await tagTargetGroups(d); const tag = p.now() - s;
console.log(Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(0)}`).join("  "), ` | retag ${descs.length}: ${tag.toFixed(0)}`);
