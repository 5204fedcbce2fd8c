import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    globalSetup: ["test/setup/build.ts"],
    // The build's copy of pdf.js's worker module (scripts/pdfjs-worker.mjs) is loaded by
    // Node as the installed one is, not transformed by Vite.
    server: { deps: { external: [/\/dist\/pdfjs\//] } },
  },
});
