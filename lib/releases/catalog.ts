// The published releases (issue 17, R10: the newest published is "latest", what Upgrade installs
// and what a new proxy runs). Reads never load a package's bytes except releasePackage().
import { db, type Tx } from "@/lib/db/client";

const SUMMARY = { version: true, releasedAt: true, notes: true, digest: true, signature: true, size: true } as const;
const NEWEST_FIRST = [{ releasedAt: "desc" as const }, { version: "desc" as const }];

export async function latestRelease() {
  return latestReleaseIn(db());
}

export async function latestReleaseIn(tx: Tx | ReturnType<typeof db>) {
  return tx.proxyRelease.findFirst({ orderBy: NEWEST_FIRST, select: SUMMARY });
}

export type ReleaseSummary = NonNullable<Awaited<ReturnType<typeof latestReleaseIn>>>;

/** GET /api/v1/proxy-releases — newest first; the first is what Upgrade installs (R10). */
export async function listReleases() {
  const rows = await db().proxyRelease.findMany({ orderBy: NEWEST_FIRST, select: SUMMARY });
  return {
    items: rows.map((r, i) => ({
      version: r.version,
      releasedAt: r.releasedAt.toISOString(),
      notes: r.notes,
      digest: r.digest,
      size: r.size,
      latest: i === 0,
    })),
  };
}

/** The package bytes and what signs them, or null when the version was never published. */
export async function releasePackage(version: string) {
  const row = await db().proxyRelease.findUnique({ where: { version }, select: { ...SUMMARY, package: true } });
  return row ? { ...row, package: Buffer.from(row.package) } : null;
}
