/**
 * kohyo — the library entry. Everything exported here is public API.
 */
export { KOHYO_VERSION } from "./version.js";
