// Names for audit targets recorded by id only (issue 13 item 12): the log shows "tokyo-dc-ip",
// not a UUID. Resolved when the page is read, one query per target type on the page, so events
// written before this change read the same way. A target deleted since keeps its id.
import { db } from "@/lib/db/client";

type Target = { type: string; id: string | null; name: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An install command has no name: its cluster (or none), OS and the last characters of its token. */
export function installCommandName(c: { clusterName: string | null; os: string; tokenHint: string }): string {
  return [c.clusterName, c.os, `…${c.tokenHint}`].filter(Boolean).join(" · ");
}

const RESOLVERS: Record<string, (ids: string[]) => Promise<[string, string][]>> = {
  cluster: async (ids) =>
    (await db().proxyCluster.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((c) => [
      c.id,
      c.name,
    ]),
  proxy: async (ids) =>
    (
      await db().proxyServer.findMany({ where: { id: { in: ids } }, select: { id: true, asset: { select: { hostname: true } } } })
    ).map((p) => [p.id, p.asset.hostname]),
  asset: async (ids) =>
    (await db().asset.findMany({ where: { id: { in: ids } }, select: { id: true, hostname: true } })).map((a) => [
      a.id,
      a.hostname,
    ]),
  install_command: async (ids) =>
    (
      await db().installCommand.findMany({
        where: { id: { in: ids } },
        select: { id: true, os: true, tokenHint: true, cluster: { select: { name: true } } },
      })
    ).map((c) => [c.id, installCommandName({ clusterName: c.cluster?.name ?? null, os: c.os, tokenHint: c.tokenHint })]),
  user: async (ids) =>
    (await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]),
  api_token: async (ids) =>
    (await db().apiToken.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((t) => [t.id, t.name]),
};

/** Fills in `name` where an event recorded only the target's id and the target still exists. */
export async function withTargetNames<E extends { target: Target }>(events: E[]): Promise<E[]> {
  const wanted = new Map<string, Set<string>>();
  for (const { target } of events) {
    if (target.name || !target.id || !RESOLVERS[target.type]) continue;
    // Users have better-auth's own ids; every other target a UUID column a bad value must not reach.
    if (target.type !== "user" && !UUID.test(target.id)) continue;
    wanted.set(target.type, (wanted.get(target.type) ?? new Set()).add(target.id));
  }
  if (wanted.size === 0) return events;
  const names = new Map<string, string>();
  await Promise.all(
    [...wanted].map(async ([type, ids]) => {
      for (const [id, name] of await RESOLVERS[type]!([...ids])) names.set(`${type}:${id}`, name);
    }),
  );
  return events.map((e) => {
    const name = e.target.id ? names.get(`${e.target.type}:${e.target.id}`) : undefined;
    return name ? { ...e, target: { ...e.target, name } } : e;
  });
}
