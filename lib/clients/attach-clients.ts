// Puts assets into a cluster's client list: new connections, and moves from another cluster
// (R15: one cluster per asset). Keeps every cluster's client_count in step, in the caller's
// transaction. The caller has already locked the target cluster.
import type { Tx } from "@/lib/db/client";

export type AttachResult = { added: string[]; moved: { assetId: string; fromClusterId: string }[]; unchanged: string[] };

export async function attachClients(
  tx: Tx,
  clusterId: string,
  assetIds: string[],
  batchId: string | null,
): Promise<AttachResult> {
  const existing = await tx.clientConnection.findMany({
    where: { assetId: { in: assetIds } },
    select: { assetId: true, clusterId: true },
  });
  const unchanged = existing.filter((c) => c.clusterId === clusterId).map((c) => c.assetId);
  const moved = existing
    .filter((c) => c.clusterId !== clusterId)
    .map((c) => ({ assetId: c.assetId, fromClusterId: c.clusterId }));
  const keep = new Set(unchanged);
  const added = assetIds.filter((id) => !keep.has(id));

  // Lock the clusters clients leave in a fixed order so two opposite moves cannot deadlock.
  const sources = [...new Set(moved.map((m) => m.fromClusterId))].sort();
  for (const source of sources) await tx.$queryRaw`SELECT 1 FROM proxy_cluster WHERE id = ${source}::uuid FOR UPDATE`;

  if (moved.length > 0) {
    await tx.clientConnection.deleteMany({ where: { assetId: { in: moved.map((m) => m.assetId) } } });
    for (const source of sources) {
      const count = moved.filter((m) => m.fromClusterId === source).length;
      await tx.proxyCluster.update({ where: { id: source }, data: { clientCount: { decrement: count } } });
    }
  }
  if (added.length > 0) {
    await tx.clientConnection.createMany({ data: added.map((assetId) => ({ assetId, clusterId, batchId })) });
    await tx.proxyCluster.update({ where: { id: clusterId }, data: { clientCount: { increment: added.length } } });
  }
  return { added: added.filter((id) => !moved.some((m) => m.assetId === id)), moved, unchanged };
}
