/**
 * Ctrl-C (SIGINT) or SIGTERM while a command reads: the first signal aborts `signal` (its
 * reason an Interrupted); a second ends the process at once, exit 130 (what is half
 * written is then left beside its name, *.partial or staged, and the next run sweeps it:
 * lazyFolder, cleanStaging). On the first:
 * - `kohyo tables` and `kohyo facts`: the reading in this thread stops before its next
 *   page (drive), the pool's workers are stopped and ended (driveBuiltin); the command
 *   removes what it had written of the file being read and exits 130 (runBatch);
 * - `kohyo extract` (./run.ts): the pool is stopped, the files being read are dropped, the
 *   manifest is written for the files done and the run exits 130.
 */
import { EXIT } from "../errors.js";
import { Interrupted } from "./pool.js";

export interface Interruption {
  /** Aborted at the first signal, with an Interrupted. */
  signal: AbortSignal;
  /** The handlers removed: the command is over. */
  dispose(): void;
}

export function onInterrupt(): Interruption {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    controller.abort(new Interrupted());
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}
