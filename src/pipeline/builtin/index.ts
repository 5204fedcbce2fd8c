/**
 * The built-in pipelines (`kohyo tables`, `kohyo facts`) by a reference that is plain
 * data, so that a worker thread can make the same pipeline to read its chunk of pages.
 */
import type { FindOptions } from "../../table/find.js";
import type { Pipeline } from "../types.js";
import { factsPipeline } from "./facts.js";
import { tablesPipeline } from "./tables.js";

/** A built-in pipeline and what its page analysis depends on. */
export type BuiltinRef = { name: "tables"; find?: FindOptions } | { name: "facts" };

/** The built-in pipeline `ref` names (its analysePage is all a worker uses). */
export function builtinPipeline(ref: BuiltinRef): Pipeline<any, any, any> {
  return ref.name === "tables" ? tablesPipeline(ref.find ? { find: ref.find } : {}) : factsPipeline;
}
