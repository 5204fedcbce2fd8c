/**
 * How outputs reach an output folder (`-o DIR`) so that a run killed at any moment leaves
 * every file's outputs either as they were or wholly new, never mixed:
 * - a file's outputs are written into a staging folder in DIR and switched into place by
 *   renaming the folder (see switchIntoPlace);
 * - a single file (manifest.json) is written beside its place and renamed over it;
 * - whatever a run leaves behind starts with `.kohyo-staging-<pid>-`, a name no output
 *   folder can have (output names never start with a dot, see safeName in ../output/io.ts),
 *   and goes at the start of the next run (cleanStaging).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** What every staging entry's name starts with, before the pid of the process that made it. */
export const STAGING_PREFIX = ".kohyo-staging-";

const STAGING = /^\.kohyo-staging-(\d+)-(.+)$/;
/** Left by kohyo before this layout: `<name>.kohyo-staging-<pid>-XXXXXX` beside the output folder. */
const OLD_STAGING = /^.+\.kohyo-staging-(\d+)-[A-Za-z0-9]{6}$/;
/** An output folder set aside while a new one takes its place (see switchIntoPlace). */
const REPLACED = "replaced-";

/** A new, empty staging folder in `outDir` (made if needed) for this process. */
export function stagingFolder(outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  return mkdtempSync(join(resolve(outDir), `${STAGING_PREFIX}${process.pid}-`));
}

/**
 * Moves a staging folder to `dir` (a folder beside it). When `dir` is not there, that is
 * one rename. When it is, the old folder is first renamed aside (to a staging name that
 * says whose it was) and removed after: a kill between the two renames leaves the old
 * folder aside, and the next run's cleanStaging puts it back.
 */
export function switchIntoPlace(staging: string, dir: string): void {
  try {
    renameSync(staging, dir);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST" && code !== "ENOTDIR" && code !== "EISDIR") throw e;
  }
  const aside = join(dirname(resolve(dir)), `${STAGING_PREFIX}${process.pid}-${REPLACED}${basename(resolve(dir))}`);
  rmSync(aside, { recursive: true, force: true });
  renameSync(dir, aside);
  try {
    renameSync(staging, dir);
  } catch (e) {
    renameSync(aside, dir);
    throw e;
  }
  rmSync(aside, { recursive: true, force: true });
}

/** Writes a file in `outDir` whole or not at all: beside its place first, then renamed over it. */
export function writeFileAtomic(outDir: string, name: string, text: string): void {
  mkdirSync(outDir, { recursive: true });
  const partial = join(outDir, `${STAGING_PREFIX}${process.pid}-${name}`);
  writeFileSync(partial, text);
  renameSync(partial, join(outDir, name));
}

/**
 * Removes what runs left in `outDir` (staging folders, half-written files) whose process
 * `whose` picks — by default every process that is no longer running; an output folder
 * set aside by a run killed while switching is put back where it was when nothing took
 * its place. Anything else, and what running processes stage, stays.
 */
export function cleanStaging(outDir: string, whose: (pid: number) => boolean = (pid) => pid !== process.pid && !alive(pid)): void {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return; // no folder yet, nothing staged
  }
  for (const name of names) {
    const m = STAGING.exec(name) ?? OLD_STAGING.exec(name);
    if (!m || !whose(Number(m[1]))) continue;
    const at = join(outDir, name);
    const rest = m[2];
    if (rest?.startsWith(REPLACED)) {
      const home = join(outDir, rest.slice(REPLACED.length));
      if (!existsSync(home)) {
        renameSync(at, home);
        continue;
      }
    }
    rmSync(at, { recursive: true, force: true });
  }
}

/** Whether a process of this machine is running. */
export function alive(pid: number): boolean {
  if (!(pid >= 1)) return false; // 0 and below name process groups, not a process
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // running, someone else's
  }
}
