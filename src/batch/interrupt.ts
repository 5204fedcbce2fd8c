/**
 * Ctrl-C (SIGINT) or SIGTERM while `kohyo tables` or `kohyo facts` read: the first signal
 * aborts `signal` (its reason an Interrupted) — the reading in this thread stops before its
 * next page (drive), the pool's workers are stopped and ended (driveBuiltin) — so the
 * command removes what it had half written of the file being read and exits 130
 * (EXIT.interrupted, runBatch); a second signal ends the process at once (what is half
 * written is then left beside its name, as *.partial, and the next run into that folder
 * sweeps it: lazyFolder). `kohyo extract` has its own (./run.ts), which writes the manifest.
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
