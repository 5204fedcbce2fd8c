/**
 * Pool.release: the workers idle at the time end (kohyo extract calls it once no file has
 * pages left to read, so that their memory is given back while the outputs are written),
 * and a task given afterwards runs on a new worker.
 */
import { expect, test } from "vitest";
import { Pool } from "../../src/batch/pool.js";
import type { ExtractSettings } from "../../src/batch/report.js";

const task = { kind: "file" as const, file: "x.pdf", settings: {} as ExtractSettings };

test("release ends the idle workers, and the next task runs on a new one", async () => {
  const pool = new Pool(2, new URL("../thread-id-worker.mjs", import.meta.url));
  try {
    const before = (await Promise.all([pool.run(task), pool.run(task)])) as unknown as number[];
    expect(new Set(before).size).toBe(2);
    // Without release, the next task goes to one of the two.
    expect(before).toContain((await pool.run(task)) as unknown as number);
    pool.release();
    const after = (await pool.run(task)) as unknown as number;
    expect(before).not.toContain(after);
    expect(after).toBeGreaterThan(Math.max(...before));
  } finally {
    await pool.close();
  }
});
