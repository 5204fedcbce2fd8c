/**
 * output/manifest.json: every file of the last runs with its SHA-256, pipeline, tables,
 * records, checks and status. A file whose SHA-256, pipeline and kohyo version are
 * unchanged since it was last read is skipped on the next run, its verdict kept.
 */
import { createHash } from "node:crypto";
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { join, resolve } from "node:path";
import { writeFileAtomic } from "../pipeline/staging.js";
import { KOHYO_VERSION } from "../version.js";
import { type FileReport, notRead } from "./report.js";

export interface ManifestEntry extends Omit<FileReport, "out" | "err"> {
  kohyoVersion: string;
  /** When the file was last extracted (ISO). */
  extractedAt: string;
}

export interface Manifest {
  kohyoVersion: string;
  files: ManifestEntry[];
}

export const manifestPath = (outDir: string) => join(outDir, "manifest.json");

export function readManifest(outDir: string): Manifest {
  try {
    const m = JSON.parse(readFileSync(manifestPath(outDir), "utf8")) as Manifest;
    if (Array.isArray(m.files)) return m;
  } catch {
    // none yet, or unreadable: start afresh
  }
  return { kohyoVersion: KOHYO_VERSION, files: [] };
}

/**
 * The manifest with this run's reports merged in (by absolute path), written back whole
 * or not at all (beside its place, then renamed over it): a run killed while writing it
 * leaves the one before.
 */
export function writeManifest(outDir: string, previous: Manifest, reports: readonly FileReport[], now = new Date()): Manifest {
  const byFile = new Map(previous.files.map((e) => [resolve(e.file), e]));
  for (const r of reports) {
    if (r.status === "skipped") continue;
    const { out: _o, err: _e, ...entry } = r;
    byFile.set(resolve(r.file), { ...entry, kohyoVersion: KOHYO_VERSION, extractedAt: now.toISOString() });
  }
  const m: Manifest = { kohyoVersion: KOHYO_VERSION, files: [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file)) };
  writeFileAtomic(outDir, "manifest.json", JSON.stringify(m, null, 2) + "\n");
  return m;
}

/** The SHA-256 of a file, or null when it cannot be read. */
export function fileSha256(file: string): string | null {
  try {
    return createHash("sha256").update(readFileSync(file)).digest("hex");
  } catch {
    return null;
  }
}

/**
 * The earlier entry that makes reading `file` again unnecessary: same bytes, same
 * pipeline (when one is named), same pages (--pages), same kohyo version, and either extracted with its outputs
 * still there, or found unreadable or unrecognised — the same bytes would be again —
 * unless it was encrypted and this run brings a password.
 */
export function upToDate(
  m: Manifest,
  file: string,
  sha256: string | null,
  run: { pipeline?: string | undefined; pages?: string | undefined; password?: boolean; output?: string } = {},
): ManifestEntry | null {
  if (!sha256) return null;
  const e = m.files.find((x) => resolve(x.file) === resolve(file));
  if (!e || e.sha256 !== sha256 || e.kohyoVersion !== KOHYO_VERSION) return null;
  if (run.pipeline !== undefined && e.pipeline !== run.pipeline) return null;
  // Other pages read may give another verdict (recognition reads the first ones).
  if ((e.selection ?? null) !== (run.pages ?? null)) return null;
  const again = e.reason === "not-found" || (e.reason === "encrypted" && run.password === true);
  if (notRead(e.status) && !again) return e.error ? e : null;
  if (e.status !== "ok" && e.status !== "checks-failed" && e.status !== "weak") return null;
  if (!e.output) return null;
  // Output folder names depend on the other files of a batch (see outputNames): the
  // folder this run gives the file must be the one it was written to, and still hold it.
  if (run.output !== undefined && resolve(e.output) !== resolve(run.output)) return null;
  if (recordsSha256(join(e.output, "records.json")) !== sha256) return null; // gone, or another file's
  return e;
}

/** The SHA-256 that a records.json names in its head (written first, see OutputWriter), or null. */
function recordsSha256(path: string): string | null {
  try {
    const fd = openSync(path, "r");
    try {
      const head = Buffer.alloc(8192);
      const n = readSync(fd, head, 0, head.length, 0);
      return /"sha256": "([0-9a-f]{64})"/.exec(head.toString("utf8", 0, n))?.[1] ?? null;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}
