// Publishes the releases integration tests expect (1.4.2, then 1.5.0 as the latest, R10) through
// the admin command's code path, built from the working tree's agent/.
import { publishReleaseOnce } from "@/lib/releases/publish-release";

export const TEST_RELEASES = [
  { version: "1.4.2", publishedAt: new Date("2026-06-01T00:00:00Z"), notes: "Stability fixes." },
  { version: "1.5.0", publishedAt: new Date("2026-10-15T00:00:00Z"), notes: "Cache mode compression, lower memory use." },
];

export async function publishTestReleases(): Promise<void> {
  for (const r of TEST_RELEASES) await publishReleaseOnce({ ...r, publishedBy: "test" });
}
