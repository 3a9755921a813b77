// Row lock on a cluster: every operation that changes what a cluster holds takes it first, so
// its rules (R4, R9, R12, R13) hold across console instances sharing one database.
import type { Tx } from "@/lib/db/client";
import type { AddressKind, Region } from "@/lib/generated/prisma/client";

export type LockedCluster = {
  id: string;
  region: Region;
  name: string;
  address: string;
  addressKind: AddressKind;
  description: string;
  clientCount: number;
  minOnlineProxies: number;
};

export async function lockCluster(tx: Tx, id: string): Promise<LockedCluster | null> {
  const rows = await tx.$queryRaw<
    {
      id: string;
      region: Region;
      name: string;
      address: string;
      address_kind: AddressKind;
      description: string;
      client_count: number;
      min_online_proxies: number;
    }[]
  >`SELECT id, region, name, address, address_kind, description, client_count, min_online_proxies
      FROM proxy_cluster WHERE id = ${id}::uuid FOR UPDATE`;
  const row = rows[0];
  return row
    ? {
        id: row.id,
        region: row.region,
        name: row.name,
        address: row.address,
        addressKind: row.address_kind,
        description: row.description,
        clientCount: row.client_count,
        minOnlineProxies: row.min_online_proxies,
      }
    : null;
}
