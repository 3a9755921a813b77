// Puts assets into a cluster's client list: new connections, and moves from another cluster
// (R15: one cluster per asset). Keeps every cluster's client_count in step, in the caller's
// transaction. The caller has already locked the target cluster.
// A batch is up to 500 assets: each statement takes them as one array parameter.
import type { Tx } from "@/lib/db/client";

export type AttachResult = { added: string[]; moved: { assetId: string; fromClusterId: string }[]; unchanged: string[] };

export async function attachClients(
  tx: Tx,
  clusterId: string,
  assetIds: string[],
  batchId: string | null,
): Promise<AttachResult> {
  // Two attaches of one asset at once (into two clusters, maybe on two console instances) queue
  // here, in id order, so the second reads where the first put it instead of a stale cluster.
  await tx.$queryRaw`SELECT 1 FROM asset WHERE id = ANY(${assetIds}::uuid[]) ORDER BY id FOR NO KEY UPDATE`;
  const existing = await tx.$queryRaw<{ asset_id: string; cluster_id: string }[]>`
    SELECT asset_id, cluster_id FROM client_connection WHERE asset_id = ANY(${assetIds}::uuid[])`;
  const unchanged = existing.filter((c) => c.cluster_id === clusterId).map((c) => c.asset_id);
  const leaving = existing.filter((c) => c.cluster_id !== clusterId);
  const keep = new Set(unchanged);
  const added = assetIds.filter((id) => !keep.has(id));

  // Lock the clusters clients leave in a fixed order so two opposite moves cannot deadlock.
  const sources = [...new Set(leaving.map((m) => m.cluster_id))].sort();
  for (const source of sources) await tx.$queryRaw`SELECT 1 FROM proxy_cluster WHERE id = ${source}::uuid FOR UPDATE`;

  let moved: AttachResult["moved"] = [];
  if (leaving.length > 0) {
    // What was really deleted counts, not what was read: a disconnect may have won meanwhile.
    const gone = await tx.$queryRaw<{ asset_id: string; cluster_id: string }[]>`
      DELETE FROM client_connection WHERE asset_id = ANY(${leaving.map((m) => m.asset_id)}::uuid[]) AND cluster_id <> ${clusterId}::uuid
      RETURNING asset_id, cluster_id`;
    moved = gone.map((g) => ({ assetId: g.asset_id, fromClusterId: g.cluster_id }));
    for (const source of [...new Set(moved.map((m) => m.fromClusterId))].sort()) {
      const count = moved.filter((m) => m.fromClusterId === source).length;
      await tx.proxyCluster.update({ where: { id: source }, data: { clientCount: { decrement: count } } });
    }
  }
  if (added.length > 0) {
    // hostname is filled from the asset by the database (see the client_connection_hostname migration).
    await tx.$executeRaw`
      INSERT INTO client_connection (asset_id, cluster_id, batch_id)
      SELECT unnest(${added}::uuid[]), ${clusterId}::uuid, ${batchId}::uuid`;
    await tx.proxyCluster.update({ where: { id: clusterId }, data: { clientCount: { increment: added.length } } });
  }
  const movedIds = new Set(moved.map((m) => m.assetId));
  return { added: added.filter((id) => !movedIds.has(id)), moved, unchanged };
}
