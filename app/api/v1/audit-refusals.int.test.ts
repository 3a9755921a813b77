// R20 across the domains: a refused change, whatever its domain, changes no row of any table
// and leaves exactly one audit event — a failure with the error code, by the calling token.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { apiToken, insertClient, makeCluster } from "@/lib/testing/fixtures";
import { onlineAsset, servingProxy } from "@/lib/testing/fleet";
import { call, errorOf } from "@/lib/testing/http";
import { makeUser } from "@/lib/testing/users";
import * as cluster from "./clusters/[id]/route";
import * as clients from "./clusters/[id]/clients/route";
import * as policy from "./clusters/[id]/policy/route";
import * as proxies from "./clusters/[id]/proxies/route";
import * as installCommands from "./install-commands/route";
import * as proxy from "./proxies/[id]/route";
import * as user from "./users/[id]/route";

/** A fingerprint of every table but the audit log and the tokens' last-used stamps. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await db().$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('audit_event', 'api_token', '_prisma_migrations') ORDER BY 1`;
  const entries = await Promise.all(
    tables.map(async ({ name }) => {
      const [row] = await db().$queryRawUnsafe<{ digest: string | null }[]>(
        `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${name}" t`,
      );
      return [name, row?.digest ?? "empty"] as const;
    }),
  );
  return Object.fromEntries(entries);
}

let headers: Record<string, string>;
beforeAll(async () => {
  headers = { authorization: `Bearer ${await apiToken("admin")}` };
});

type Refusal = { name: string; status: number; code: string; action: string; send: () => ReturnType<typeof call> };

async function refusals(): Promise<Refusal[]> {
  const withProxy = await makeCluster();
  const online = await servingProxy(withProxy.id);
  const tiny = await makeCluster();
  await servingProxy(tiny.id, { cpuCores: 1, memoryMb: 64 }); // R13: capacity 23
  const newcomers = await Promise.all(Array.from({ length: 24 }, () => onlineAsset("cn")));
  const busy = await makeCluster();
  await servingProxy(busy.id);
  for (let i = 0; i < 10; i++) await insertClient(busy.id);
  const windows = await onlineAsset("cn", { os: "windows", osVersion: "Windows Server 2022" });
  const admin = await makeUser("admin");
  const p = (id: string) => ({ params: { id }, headers });
  return [
    {
      name: "cluster delete with a proxy (R9)",
      ...{ status: 409, code: "CLUSTER_NOT_EMPTY", action: "cluster.delete" },
      send: () => call(cluster.DELETE, "DELETE", "/", p(withProxy.id)),
    },
    {
      name: "proxy delete while online (R8)",
      ...{ status: 409, code: "PROXY_ONLINE", action: "proxy.delete" },
      send: () => call(proxy.DELETE, "DELETE", "/", p(online.id)),
    },
    {
      name: "quick deploy onto Windows (R5)",
      ...{ status: 422, code: "NOT_LINUX", action: "proxy.deploy_quick" },
      send: () => call(proxies.POST, "POST", "/", { ...p(tiny.id), body: { mode: "quick", assetIds: [windows.id] } }),
    },
    {
      name: "connect beyond capacity (R13)",
      ...{ status: 422, code: "CAPACITY_EXCEEDED", action: "clients.connect" },
      send: () => call(clients.POST, "POST", "/", { ...p(tiny.id), body: { assetIds: newcomers.map((a) => a.id) } }),
    },
    {
      name: "policy below the 60% line (R17)",
      ...{ status: 422, code: "BANDWIDTH_HEADROOM", action: "policy.update" },
      send: () =>
        call(policy.PUT, "PUT", "/", { ...p(busy.id), body: { mode: "backflow", bandwidthKbps: 100, frequencyPerMin: null } }),
    },
    {
      name: "install command for another region's cluster (R1)",
      ...{ status: 422, code: "REGION_MISMATCH", action: "install_command.create" },
      send: () =>
        call(installCommands.POST, "POST", "/", {
          headers,
          body: { region: "intl", clusterId: busy.id, os: "linux", provider: "aws" },
        }),
    },
    {
      name: "demoting the last admin",
      ...{ status: 409, code: "LAST_ADMIN", action: "user.update" },
      send: () => call(user.PATCH, "PATCH", "/", { ...p(admin.id), body: { role: "viewer" } }),
    },
  ];
}

describe("a refused change leaves every table as it was and one failure event", () => {
  it("holds for each domain", async () => {
    for (const r of await refusals()) {
      const before = await fingerprint();
      const lastEvent = (await db().auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
      const result = await r.send();
      expect([r.name, result.status, errorOf(result)?.code]).toEqual([r.name, r.status, r.code]);
      expect(await fingerprint(), r.name).toEqual(before);
      const events = await db().auditEvent.findMany({ where: { id: { gt: lastEvent } } });
      expect(
        events.map((e) => [e.action, e.outcome, e.errorCode, e.actorType]),
        r.name,
      ).toEqual([[r.action, "failure", r.code, "token"]]);
    }
  });
});
