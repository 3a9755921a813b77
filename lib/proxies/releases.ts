// The proxy releases this console knows (R10: upgrade targets the latest). Shipped with the
// console and written to proxy_release at start, so every instance agrees on "latest".
import { db, type Tx } from "@/lib/db/client";

export const PROXY_RELEASES = [
  { version: "1.4.2", releasedAt: new Date("2026-06-01T00:00:00Z"), notes: "Stability fixes." },
  { version: "1.5.0", releasedAt: new Date("2026-10-15T00:00:00Z"), notes: "Cache mode compression, lower memory use." },
];

export async function syncReleases(): Promise<void> {
  await db().proxyRelease.createMany({ data: PROXY_RELEASES, skipDuplicates: true });
}

export async function latestRelease() {
  return latestReleaseIn(db());
}

export async function latestReleaseIn(tx: Tx | ReturnType<typeof db>) {
  return tx.proxyRelease.findFirst({ orderBy: { releasedAt: "desc" } });
}

/** GET /api/v1/proxy-releases — newest first; the first is what Upgrade installs (R10). */
export async function listReleases() {
  const rows = await db().proxyRelease.findMany({ orderBy: { releasedAt: "desc" } });
  return {
    items: rows.map((r, i) => ({ version: r.version, releasedAt: r.releasedAt.toISOString(), notes: r.notes, latest: i === 0 })),
  };
}
