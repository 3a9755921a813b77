// Signed-in browser states per demo role, made once per run by auth.setup.ts and kept in the
// run's own data folder (so parallel runs on one machine never share sessions).
import path from "node:path";

export type Role = "admin" | "operator" | "viewer";

/** The demo logins of the README; the seed creates them on the e2e database. */
export const DEMO_LOGINS: Record<Role, { email: string; password: string }> = {
  admin: { email: "admin@example.com", password: "demo-admin-2026" },
  operator: { email: "operator@example.com", password: "demo-operator-2026" },
  viewer: { email: "viewer@example.com", password: "demo-viewer-2026" },
};

/** playwright.config.ts sets E2E_DATA_DIR before any worker starts. */
export function storageStatePath(role: Role): string {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set: run the e2e tests through playwright.config.ts.");
  return path.join(dataDir, "auth", `${role}.json`);
}

/** Use in a spec: test.use({ storageState: signedOut }) to start without a session. */
export const signedOut = { cookies: [], origins: [] };
