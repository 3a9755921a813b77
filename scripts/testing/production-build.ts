// The production build the tests that run `npm start` for real need. On a fresh clone the
// integration tier runs before the e2e tier's build, so the first such test file builds it; a
// lock folder keeps two test files running at once from building into .next together.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

const LOCK = path.resolve(".next-test-build.lock");

/** True while another test file is building (a lock left by a killed run goes after 20 min). */
function buildingElsewhere(): boolean {
  const lock = statSync(LOCK, { throwIfNoEntry: false });
  if (lock && Date.now() - lock.mtimeMs > 20 * 60_000) rmSync(LOCK, { recursive: true, force: true });
  return lock !== undefined;
}

export async function ensureProductionBuild() {
  for (; ; await new Promise((resolve) => setTimeout(resolve, 1000))) {
    if (buildingElsewhere()) continue;
    if (existsSync(path.join(".next", "BUILD_ID"))) return;
    try {
      mkdirSync(LOCK);
    } catch {
      continue; // another file took it first
    }
    try {
      console.log("no production build in .next: building it once (next build)");
      execFileSync(path.resolve("node_modules/.bin/next"), ["build"], {
        stdio: "inherit",
        env: { ...process.env, NODE_ENV: "production" },
      });
      return;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
