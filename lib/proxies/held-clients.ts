// The clients each proxy relays now (SPEC §8): the assets whose agents it vouches for
// (asset.via_proxy_id), counted in one statement on the asset_via_proxy_id index. What the
// proxy panel, the capacity flag and the planner call "held" (issue 16, R13).
import { queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export async function heldClients(proxyIds: readonly string[]): Promise<Map<string, number>> {
  if (proxyIds.length === 0) return new Map();
  const rows = await queryRows<{ proxy_id: string; held: number }>(Prisma.sql`
    SELECT via_proxy_id::text AS proxy_id, count(*)::int AS held
      FROM asset WHERE via_proxy_id = ANY(${[...proxyIds]}::uuid[]) GROUP BY via_proxy_id`);
  return new Map(rows.map((r) => [r.proxy_id, r.held]));
}
