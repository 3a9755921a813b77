// Alert rules (issue 14), each as a table case: the condition opens one alert with its numbers and
// link, a further pass does not reopen it, and it resolves when the condition clears. Then two
// evaluators at once (one alert, one delivery) and the lease takeover when a leader dies.
// OFFLINE_AFTER_SECONDS is 2 in the test run (vitest.config.ts).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { insertInstallCommand, insertProxy, makeCluster, secondsAgo, uniqueName } from "@/lib/testing/fixtures";
import { ALERT_LEASE, evaluateOnce } from "./evaluate";
import type { AlertKind } from "./rules";

type Subject = { clusterId: string; proxyId: string; commandId: string };

async function freshCluster(): Promise<Subject> {
  const cluster = await makeCluster({ region: "intl", name: uniqueName("alert"), address: "alert.example.com" });
  const proxy = await insertProxy(cluster.id, { lastHeartbeatAt: new Date() });
  const command = await insertInstallCommand(cluster.id);
  return { clusterId: cluster.id, proxyId: proxy.id, commandId: command.id };
}

/** Every proxy made here heartbeats just before a pass, unless a case makes one silent. */
async function beatAll(except: string[] = []) {
  await db().proxyServer.updateMany({ where: { id: { notIn: except } }, data: { lastHeartbeatAt: new Date() } });
}

const silent = new Set<string>();
async function evaluate() {
  await beatAll([...silent]);
  const result = await evaluateOnce();
  expect(result.leader).toBe(true);
  return result;
}

function alertsOf(kind: AlertKind, subjectId: string) {
  return db().alert.findMany({ where: { kind, subjectId }, orderBy: { openedAt: "asc" } });
}

type Case = {
  kind: AlertKind;
  subject: (s: Subject) => string;
  trigger: (s: Subject) => Promise<unknown>;
  clear: (s: Subject) => Promise<unknown>;
  values: Record<string, unknown>;
  link: (s: Subject) => string;
};

const cases: [string, Case][] = [
  [
    "a proxy offline",
    {
      kind: "proxy_offline",
      subject: (s) => s.proxyId,
      trigger: async (s) => {
        silent.add(s.proxyId);
        await db().proxyServer.update({ where: { id: s.proxyId }, data: { lastHeartbeatAt: secondsAgo(60) } });
      },
      clear: async (s) => silent.delete(s.proxyId),
      values: {},
      link: (s) => `/intl/clusters/${s.clusterId}`,
    },
  ],
  [
    "a cluster offline (its only proxy silent)",
    {
      kind: "cluster_status",
      subject: (s) => s.clusterId,
      trigger: async (s) => {
        silent.add(s.proxyId);
        await db().proxyServer.update({ where: { id: s.proxyId }, data: { lastHeartbeatAt: secondsAgo(60) } });
      },
      clear: async (s) => silent.delete(s.proxyId),
      values: { status: "offline", onlineProxies: 0, proxies: 1 },
      link: (s) => `/intl/clusters/${s.clusterId}`,
    },
  ],
  [
    "a cluster degraded (fewer online proxies than its minimum)",
    {
      kind: "cluster_status",
      subject: (s) => s.clusterId,
      trigger: async (s) => {
        await db().proxyCluster.update({ where: { id: s.clusterId }, data: { minOnlineProxies: 2 } });
        const second = await insertProxy(s.clusterId, { lastHeartbeatAt: secondsAgo(60) });
        silent.add(second.id);
      },
      clear: (s) => db().proxyCluster.update({ where: { id: s.clusterId }, data: { minOnlineProxies: 1 } }),
      values: { status: "degraded", onlineProxies: 1, proxies: 2, minOnlineProxies: 2 },
      link: (s) => `/intl/clusters/${s.clusterId}`,
    },
  ],
  [
    "capacity use at 80 % (4,800 of 6,000)",
    {
      kind: "capacity_use",
      subject: (s) => s.clusterId,
      trigger: (s) => db().proxyCluster.update({ where: { id: s.clusterId }, data: { clientCount: 4800 } }),
      clear: (s) => db().proxyCluster.update({ where: { id: s.clusterId }, data: { clientCount: 4799 } }),
      values: { clients: 4800, capacity: 6000, use: 0.8, threshold: 80 },
      link: (s) => `/intl/clusters/${s.clusterId}`,
    },
  ],
  [
    "required bandwidth at 60 % of a custom limit (600 of 1,000 Kbit/s)",
    {
      kind: "bandwidth_use",
      subject: (s) => s.clusterId,
      trigger: async (s) => {
        await db().proxyPolicy.update({ where: { clusterId: s.clusterId }, data: { bandwidthKbps: 1000 } });
        await db().proxyCluster.update({ where: { id: s.clusterId }, data: { clientCount: 60 } });
      },
      clear: (s) => db().proxyPolicy.update({ where: { clusterId: s.clusterId }, data: { bandwidthKbps: null } }),
      values: { requiredKbps: 600, limitKbps: 1000, use: 0.6, threshold: 60 },
      link: (s) => `/intl/clusters/${s.clusterId}`,
    },
  ],
  [
    "cache at 90 % of its cap",
    {
      kind: "cache_use",
      subject: (s) => s.proxyId,
      trigger: async (s) => {
        await db().proxyPolicy.update({ where: { clusterId: s.clusterId }, data: { cacheMaxBytes: 1000n } });
        await db().proxyServer.update({ where: { id: s.proxyId }, data: { cacheBytes: 900n } });
      },
      clear: (s) => db().proxyServer.update({ where: { id: s.proxyId }, data: { cacheBytes: 899n } }),
      values: { cacheBytes: 900, cacheMaxBytes: 1000, use: 0.9, threshold: 90 },
      link: (s) => `/intl/clusters/${s.clusterId}`,
    },
  ],
  [
    "a proxy's data queue dropping data",
    {
      kind: "queue_dropping",
      subject: (s) => s.proxyId,
      trigger: (s) => db().proxyServer.update({ where: { id: s.proxyId }, data: { droppedRecords: 5n, droppedBytes: 500n } }),
      // 16 minutes without new drops (the window is 15): the mark's last growth moved back.
      clear: (s) =>
        db().$executeRaw(
          Prisma.sql`UPDATE alert_drop_mark SET grew_at = now() - interval '16 minutes' WHERE proxy_id = ${s.proxyId}::uuid`,
        ),
      values: { droppedRecords: 5, droppedBytes: 500, windowMinutes: 15 },
      link: (s) => `/intl/clusters/${s.clusterId}`,
    },
  ],
  [
    "an install command in use expiring within 24 h",
    {
      kind: "install_command_expiring",
      subject: (s) => s.commandId,
      trigger: (s) => db().installCommand.update({ where: { id: s.commandId }, data: { registrations: 3 } }),
      clear: (s) => db().installCommand.update({ where: { id: s.commandId }, data: { revokedAt: new Date() } }),
      values: { registrations: 3, windowHours: 24 },
      link: () => `/intl/install-commands`,
    },
  ],
];

describe("each alert rule: opens once, does not reopen, resolves", () => {
  it.each(cases)("%s", async (_name, c) => {
    const s = await freshCluster();
    const subjectId = c.subject(s);
    await evaluate();
    expect(await alertsOf(c.kind, subjectId)).toEqual([]);

    await c.trigger(s);
    const first = await evaluate();
    expect(first.opened.filter((a) => a.subject_id === subjectId && a.kind === c.kind)).toHaveLength(1);
    const [opened] = await alertsOf(c.kind, subjectId);
    expect(opened).toMatchObject({ region: "intl", resolvedAt: null, link: c.link(s) });
    expect(opened!.values).toMatchObject(c.values);

    const again = await evaluate();
    expect(again.opened.filter((a) => a.subject_id === subjectId)).toEqual([]);
    expect(await alertsOf(c.kind, subjectId)).toHaveLength(1);

    await c.clear(s);
    const last = await evaluate();
    expect(last.resolved.map((a) => a.id)).toContain(opened!.id);
    const after = await alertsOf(c.kind, subjectId);
    expect(after).toHaveLength(1);
    expect(after[0]!.resolvedAt).not.toBeNull();
    expect(after[0]!.resolvedAt!.getTime()).toBeGreaterThanOrEqual(opened!.openedAt.getTime());

    // Cleared stays cleared: the next pass opens nothing new.
    await evaluate();
    expect(await alertsOf(c.kind, subjectId)).toHaveLength(1);
  });

  it("a disabled rule opens nothing and resolves what it had open", async () => {
    const s = await freshCluster();
    silent.add(s.proxyId);
    await db().proxyServer.update({ where: { id: s.proxyId }, data: { lastHeartbeatAt: secondsAgo(60) } });
    await evaluate();
    expect(await alertsOf("proxy_offline", s.proxyId)).toHaveLength(1);
    await db().alertRule.update({ where: { kind: "proxy_offline" }, data: { enabled: false } });
    try {
      await evaluate();
      const [alert] = await alertsOf("proxy_offline", s.proxyId);
      expect(alert!.resolvedAt).not.toBeNull();
      await evaluate();
      expect(await alertsOf("proxy_offline", s.proxyId)).toHaveLength(1);
    } finally {
      await db().alertRule.update({ where: { kind: "proxy_offline" }, data: { enabled: true } });
      silent.delete(s.proxyId);
    }
  });
});

describe("one cause, one alert", () => {
  it("clients with no online proxy: the cluster's status alert, not a capacity alert of 100 % of nothing", async () => {
    const s = await freshCluster();
    await db().proxyCluster.update({ where: { id: s.clusterId }, data: { clientCount: 640 } });
    silent.add(s.proxyId);
    await db().proxyServer.update({ where: { id: s.proxyId }, data: { lastHeartbeatAt: secondsAgo(60) } });
    try {
      await evaluate();
      expect(await alertsOf("cluster_status", s.clusterId)).toHaveLength(1);
      expect(await alertsOf("capacity_use", s.clusterId)).toHaveLength(0);
    } finally {
      silent.delete(s.proxyId);
    }
  });

  it("a cluster whose proxies are all gone while clients remain is offline, and says so", async () => {
    const s = await freshCluster();
    await db().proxyServer.delete({ where: { id: s.proxyId } });
    await db().proxyCluster.update({ where: { id: s.clusterId }, data: { clientCount: 5 } });
    await evaluate();
    const [alert] = await alertsOf("cluster_status", s.clusterId);
    expect(alert?.values).toMatchObject({ status: "offline", proxies: 0 });
  });
});

describe("one evaluator at a time", () => {
  it("two instances evaluating at once: one alert, one delivery per destination", async () => {
    const destination = await db().webhookDestination.create({
      data: { name: uniqueName("hook"), url: "http://127.0.0.1:9/", secretSealed: "v1:x" },
    });
    try {
      const s = await freshCluster();
      silent.add(s.proxyId);
      await db().proxyServer.update({ where: { id: s.proxyId }, data: { lastHeartbeatAt: secondsAgo(60) } });
      // Both may be leader in turn (the lease is free between them only if it expired): make both
      // contenders fresh holders on an expired lease.
      await db().workerLease.deleteMany({ where: { name: ALERT_LEASE } });
      const [a, b] = await Promise.all([
        evaluateOnce({ holder: "instance-a", leaseSeconds: 60 }),
        evaluateOnce({ holder: "instance-b", leaseSeconds: 60 }),
      ]);
      expect([a.leader, b.leader].sort()).toEqual([false, true]);
      const alerts = await alertsOf("proxy_offline", s.proxyId);
      expect(alerts).toHaveLength(1);
      const deliveries = await db().webhookDelivery.findMany({
        where: { alertId: alerts[0]!.id, destinationId: destination.id },
      });
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0]).toMatchObject({ event: "opened", status: "pending" });
      expect((deliveries[0]!.payload as { id: string }).id).toBe(deliveries[0]!.id);
      silent.delete(s.proxyId);
    } finally {
      await db().workerLease.deleteMany({ where: { name: ALERT_LEASE } });
      await db().webhookDestination.delete({ where: { id: destination.id } });
    }
  });

  it("the open-once index holds even when two passes both think they lead", async () => {
    const s = await freshCluster();
    silent.add(s.proxyId);
    await db().proxyServer.update({ where: { id: s.proxyId }, data: { lastHeartbeatAt: secondsAgo(60) } });
    await expect(
      db().$executeRaw(Prisma.sql`
        INSERT INTO alert (id, kind, region, subject_type, subject_id, subject_name, opened_at, link)
        VALUES (gen_random_uuid(), 'proxy_offline', 'intl', 'proxy', ${s.proxyId}::uuid, 'x', now(), '/'),
               (gen_random_uuid(), 'proxy_offline', 'intl', 'proxy', ${s.proxyId}::uuid, 'x', now(), '/')`),
    ).rejects.toThrow();
    silent.delete(s.proxyId);
  });

  it("a dead leader's lease runs out on the database clock and another instance takes over", async () => {
    await db().workerLease.deleteMany({ where: { name: ALERT_LEASE } });
    expect((await evaluateOnce({ holder: "leader", leaseSeconds: 60 })).leader).toBe(true);
    expect((await evaluateOnce({ holder: "follower", leaseSeconds: 60 })).leader).toBe(false);
    expect((await evaluateOnce({ holder: "leader", leaseSeconds: 60 })).leader).toBe(true); // renews
    // The leader dies: nothing renews its lease, and a minute later (on the database clock) it has run out.
    await db().$executeRaw(
      Prisma.sql`UPDATE worker_lease SET expires_at = now() - interval '1 second' WHERE name = ${ALERT_LEASE}`,
    );
    expect((await evaluateOnce({ holder: "follower", leaseSeconds: 60 })).leader).toBe(true);
    expect((await evaluateOnce({ holder: "leader", leaseSeconds: 60 })).leader).toBe(false);
    const lease = await db().workerLease.findUniqueOrThrow({ where: { name: ALERT_LEASE } });
    expect(lease.holder).toBe("follower");
    await db().workerLease.deleteMany({ where: { name: ALERT_LEASE } });
  });
});
