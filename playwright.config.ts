// End-to-end tests against the production console (next build + scripts/start.ts) with Debian's
// Chromium. Every spec runs twice: once in English and once in Japanese (Accept-Language).
import { defineConfig, devices } from "@playwright/test";
import { storageStatePath } from "./e2e/auth-state";

const CI = Boolean(process.env.CI);

// Each run gets its own console port, PostgreSQL port and data folder, so a developer's console
// and other runs on the same machine keep running. The main process picks them once; the worker
// processes inherit them through the environment.
const slot = Number((process.env.E2E_SLOT ??= String(process.pid % 400)));
const PORT = Number((process.env.E2E_PORT ??= String(3100 + slot)));
const PG_PORT = Number((process.env.E2E_PG_PORT ??= String(54400 + slot)));
const DATA_DIR = (process.env.E2E_DATA_DIR ??= `.data/e2e-${slot}`);
// HOST=127.0.0.1: the console is reachable from this machine only, so the isolated-network
// journey's namespace can reach nothing but its proxy.
// The port the e2e console writes into cluster commands: stand-in proxies listen on it, each on a
// loopback address of its own (127.0.0.2, 127.0.0.3, …), so parallel runs never clash.
const PROXY_PORT = Number((process.env.E2E_PROXY_PORT ??= String(18000 + slot)));
const baseURL = `http://localhost:${PORT}`;

// Short timings (SPEC §7) so a journey sees a proxy go offline within seconds, and a refused
// batch's countdown (R12) end within the test; alerts are evaluated every 2 s (e2e/alerts.spec.ts). No demo fleet: specs heartbeat their own agents
// and proxies, and 2,500 simulated agents on a 2 s interval starve them on a 2-core machine.
const timings =
  "OFFLINE_AFTER_SECONDS=5 HEARTBEAT_INTERVAL_SECONDS=2 BATCH_INTERVAL_SECONDS=30 REBALANCE_INTERVAL_SECONDS=3 DEMO_SIMULATOR=0 ALERT_EVAL_INTERVAL_SECONDS=2 WEBHOOK_DELIVERY_INTERVAL_SECONDS=1";
const server = `rm -rf ${DATA_DIR} && DATA_DIR=${DATA_DIR} EMBEDDED_PG_PORT=${PG_PORT} HOST=127.0.0.1 PORT=${PORT} PROXY_PORT=${PROXY_PORT} ${timings} npx tsx scripts/start.ts`;

/** The rolling-upgrade journey publishes releases (e2e/upgrade-rollout.spec.ts). */
const ROLLOUT_SPEC = /upgrade-rollout\.spec\.ts$/;

const chromium = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1366, height: 860 },
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // Two cores: the server, PostgreSQL and the browser share them.
  workers: CI ? 1 : 2,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: CI ? [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]] : "list",
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure" },
  // "setup" signs in each demo role once; pages start signed in as the operator unless a spec
  // asks for another role (test.use({ storageState: storageStatePath("viewer") })).
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    {
      name: "en",
      dependencies: ["setup"],
      testIgnore: ROLLOUT_SPEC,
      use: { ...chromium, locale: "en-US", storageState: storageStatePath("operator") },
    },
    {
      name: "ja",
      dependencies: ["setup"],
      testIgnore: ROLLOUT_SPEC,
      use: { ...chromium, locale: "ja-JP", storageState: storageStatePath("operator") },
    },
    // Publishing a release changes the latest version every other spec sees: alone, after them.
    {
      name: "rollout",
      // E2E_ROLLOUT_ALONE=1 npx playwright test --project rollout: this journey by itself.
      dependencies: process.env.E2E_ROLLOUT_ALONE ? ["setup"] : ["en", "ja"],
      testMatch: ROLLOUT_SPEC,
      use: { ...chromium, locale: "en-US", storageState: storageStatePath("operator") },
    },
  ],
  webServer: {
    command: server,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // scripts/start.ts stops the embedded PostgreSQL on SIGTERM.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
