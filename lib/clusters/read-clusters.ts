// GET side of clusters: the region's list and one cluster.
import { db } from "@/lib/db/client";
import type { Region } from "@/lib/generated/prisma/client";
import { escapeLike } from "@/lib/db/like";
import { notFound } from "@/lib/http/errors";
import { clusterRowSelect, toClusterDto, type ClusterDto } from "./serialize";

export async function listClusters(input: { region: Region; q?: string }): Promise<ClusterDto[]> {
  const q = input.q ? escapeLike(input.q) : undefined;
  const rows = await db().proxyCluster.findMany({
    where: {
      region: input.region,
      ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { address: { contains: q, mode: "insensitive" } }] } : {}),
    },
    select: clusterRowSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  const now = new Date();
  return rows.map((row) => toClusterDto(row, now));
}

export async function getCluster(id: string): Promise<ClusterDto> {
  const row = await db().proxyCluster.findUnique({ where: { id }, select: clusterRowSelect });
  if (!row) throw notFound("Cluster", id);
  return toClusterDto(row);
}
