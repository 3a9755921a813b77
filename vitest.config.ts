// Two test tiers (STYLE.md): `unit` runs pure functions with no database; `integration` runs
// the lib/ operations and the HTTP routes against one embedded PostgreSQL started for the run,
// each test file in its own database copied from a migrated template.
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: `${root}/` }] },
  test: {
    // Short timings (SPEC §7) so status changes can be observed within a test.
    env: {
      OFFLINE_AFTER_SECONDS: "2",
      HEARTBEAT_INTERVAL_SECONDS: "1",
      BATCH_INTERVAL_SECONDS: "2",
      LOG_LEVEL: "silent",
      // Install tokens are sealed under this key in tests (lib/crypto/secret-box.ts), never a file in .data.
      ENCRYPTION_KEY: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "agent/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["lib/**/*.int.test.ts", "app/api/**/*.int.test.ts", "scripts/**/*.int.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: [path.join(root, "lib/testing/postgres-global-setup.ts")],
          // Every answer of a route is checked against the OpenAPI document (issue 14).
          setupFiles: [path.join(root, "lib/testing/database-per-file.ts"), path.join(root, "lib/testing/contract-setup.ts")],
          // Many integration tests mostly wait (heartbeat thresholds, batch intervals): two files
          // at a time keep both cores busy. Each file has its own database.
          maxWorkers: 2,
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
