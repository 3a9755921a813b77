// The region's asset groups and tags, for filters and the install-command dialog.
import { db, type Tx } from "@/lib/db/client";
import type { Region } from "@/lib/generated/prisma/client";

export async function listGroups(region: Region) {
  const rows = await db().assetGroup.findMany({
    where: { region },
    orderBy: { name: "asc" },
    select: { id: true, name: true, _count: { select: { assets: true } } },
  });
  return { items: rows.map((g) => ({ id: g.id, name: g.name, assets: g._count.assets })) };
}

export async function listTags(region: Region) {
  const rows = await db().tag.findMany({ where: { region }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  return { items: rows };
}

/** A group by name, created when missing (the install-command dialog's "new group"). */
export async function ensureGroup(tx: Tx, region: Region, name: string) {
  return tx.assetGroup.upsert({
    where: { region_name: { region, name } },
    create: { region, name },
    update: {},
    select: { id: true, name: true },
  });
}
