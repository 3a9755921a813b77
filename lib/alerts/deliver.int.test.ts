// Webhook delivery (issue 14) against a local receiver: retries with backoff until it answers 2xx,
// delivered once with a signature that verifies, each attempt logged and the outcome audited once;
// two delivery workers at once POST each delivery once; "send test" reports the receiver's answer.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { auditEvents, insertProxy, makeCluster, secondsAgo, testContext, uniqueName } from "@/lib/testing/fixtures";
import { backoffSeconds, deliverDue, MAX_ATTEMPTS } from "./deliver";
import { evaluateOnce } from "./evaluate";
import { createWebhook, deleteWebhook, listDeliveries, testWebhook, updateWebhook } from "./webhooks";

type Received = { headers: IncomingHttpHeaders; body: string };

/** A receiver answering each delivery's n-th POST with the n-th status of `script` (then its last one). */
function receiver() {
  const got: Received[] = [];
  let script: number[] = [200];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      const seen = got.filter((r) => r.headers["x-pac-delivery"] === req.headers["x-pac-delivery"]).length;
      const status = script[Math.min(seen, script.length) - 1]!;
      res.writeHead(status).end();
    });
  });
  return {
    got,
    answer: (statuses: number[]) => ((script = statuses), got.splice(0)),
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}/hook`)),
      ),
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** What a receiver does (README): HMAC-SHA256 of "<timestamp>.<body>" under the shared secret. */
function verifies(secret: string, r: Received): boolean {
  const expected = `sha256=${createHmac("sha256", secret).update(`${r.headers["x-pac-timestamp"]}.${r.body}`).digest("hex")}`;
  const given = String(r.headers["x-pac-signature"] ?? "");
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

const rx = receiver();
let url = "";
beforeAll(async () => {
  url = await rx.start();
});
afterAll(() => rx.stop());

/** A silent proxy whose alert the next evaluation opens. */
async function silentProxy() {
  const cluster = await makeCluster({ region: "cn", name: uniqueName("hooks") });
  return insertProxy(cluster.id, { lastHeartbeatAt: secondsAgo(60) });
}

/** Time passes for the retries: what is scheduled becomes due now. */
const makeDue = () => db().$executeRaw(Prisma.sql`UPDATE webhook_delivery SET next_attempt_at = now() WHERE status = 'pending'`);

describe("webhook delivery", () => {
  it("backs off exponentially with jitter, capped", () => {
    expect(backoffSeconds(1, 0.5)).toBe(10);
    expect(backoffSeconds(2, 0.5)).toBe(30);
    expect(backoffSeconds(3, 0.5)).toBe(90);
    expect(backoffSeconds(20, 0.5)).toBe(3600);
    expect(backoffSeconds(1, 0)).toBe(8);
    expect(backoffSeconds(1, 1)).toBe(12);
  });

  it("retries a receiver that fails twice, then delivers once with a signature that verifies", async () => {
    const hook = await createWebhook(testContext(), { name: uniqueName("rx"), url });
    expect(hook.secret).toMatch(/^whsec_/);
    try {
      rx.answer([500, 503, 200]);
      const proxy = await silentProxy();
      const evaluation = await evaluateOnce();
      const alert = evaluation.opened.find((a) => a.subject_id === proxy.id)!;
      expect(alert.kind).toBe("proxy_offline");

      const mine = () => db().webhookDelivery.findFirstOrThrow({ where: { alertId: alert.id, destinationId: hook.id } });
      await deliverDue();
      let row = await mine();
      expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
      const [timing] = await db().$queryRaw<{ wait: number }[]>(
        Prisma.sql`SELECT extract(epoch FROM next_attempt_at - now())::float8 AS wait FROM webhook_delivery WHERE id = ${row.id}::uuid`,
      );
      expect(timing!.wait).toBeGreaterThan(5); // ~10 s: not retried at once
      expect((await deliverDue()).map((o) => o.deliveryId)).not.toContain(row.id); // not due yet

      await makeDue();
      await deliverDue();
      row = await mine();
      expect(row).toMatchObject({ status: "pending", attempts: 2, lastStatusCode: 503 });
      await makeDue();
      await deliverDue();
      row = await mine();
      expect(row).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200, lastError: null });
      expect(row.deliveredAt).not.toBeNull();
      await makeDue();
      await deliverDue();

      const posts = rx.got.filter((r) => r.headers["x-pac-delivery"] === row.id);
      expect(posts).toHaveLength(3); // two failures and the one delivery
      for (const post of posts) expect(verifies(hook.secret, post)).toBe(true);
      expect(verifies("another secret", posts[2]!)).toBe(false);
      const body = JSON.parse(posts[2]!.body);
      expect(body).toMatchObject({
        id: row.id,
        event: "opened",
        alert: { kind: "proxy_offline", region: "cn", subject: { type: "proxy", id: proxy.id }, resolvedAt: null },
      });
      expect(body.alert.url).toMatch(new RegExp(`/cn/clusters/${proxy.clusterId}$`));

      const [delivery] = (await listDeliveries(hook.id)).filter((d) => d.id === row.id);
      expect(delivery!.log.map((a) => [a.attempt, a.statusCode])).toEqual([
        [1, 500],
        [2, 503],
        [3, 200],
      ]);
      const audits = (await auditEvents("webhook.delivered", hook.id)).filter(
        (e) => (e.details as { deliveryId: string }).deliveryId === row.id,
      );
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ actorType: "system", outcome: "success" });
    } finally {
      await deleteWebhook(testContext(), hook.id);
    }
  });

  it("gives up after the last attempt: failed, audited once", async () => {
    const hook = await createWebhook(testContext(), { name: uniqueName("rx"), url, secret: "a-secret-the-admin-chose" });
    try {
      rx.answer([500]);
      const proxy = await silentProxy();
      const alert = (await evaluateOnce()).opened.find((a) => a.subject_id === proxy.id)!;
      for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
        await makeDue();
        await deliverDue();
      }
      const row = await db().webhookDelivery.findFirstOrThrow({ where: { alertId: alert.id, destinationId: hook.id } });
      expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastStatusCode: 500 });
      expect(rx.got.filter((r) => r.headers["x-pac-delivery"] === row.id)).toHaveLength(MAX_ATTEMPTS);
      expect(
        (await auditEvents("webhook.failed", hook.id)).filter((e) => (e.details as { deliveryId: string }).deliveryId === row.id),
      ).toHaveLength(1);
    } finally {
      await deleteWebhook(testContext(), hook.id);
    }
  });

  it("two delivery workers at once: each delivery is POSTed once", async () => {
    const hook = await createWebhook(testContext(), { name: uniqueName("rx"), url });
    try {
      rx.answer([200]);
      const proxies = await Promise.all([silentProxy(), silentProxy(), silentProxy()]);
      await evaluateOnce();
      await Promise.all([deliverDue(), deliverDue(), deliverDue()]);
      const rows = await db().webhookDelivery.findMany({ where: { destinationId: hook.id, event: "opened" } });
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(rows.every((r) => r.status === "delivered" && r.attempts === 1)).toBe(true);
      const ids = rx.got.map((r) => r.headers["x-pac-delivery"]);
      expect(new Set(ids).size).toBe(ids.length);
      for (const p of proxies) expect(rx.got.some((r) => JSON.parse(r.body).alert.subject.id === p.id)).toBe(true);
    } finally {
      await deleteWebhook(testContext(), hook.id);
    }
  });

  it("resolving sends a resolved event", async () => {
    const hook = await createWebhook(testContext(), { name: uniqueName("rx"), url });
    try {
      rx.answer([200]);
      const proxy = await silentProxy();
      const alert = (await evaluateOnce()).opened.find((a) => a.subject_id === proxy.id)!;
      await db().proxyServer.update({ where: { id: proxy.id }, data: { lastHeartbeatAt: new Date() } });
      const { resolved } = await evaluateOnce();
      expect(resolved.map((a) => a.id)).toContain(alert.id);
      await deliverDue();
      const events = rx.got.map((r) => JSON.parse(r.body)).filter((b) => b.alert.id === alert.id);
      expect(events.map((b) => b.event).sort()).toEqual(["opened", "resolved"]);
      expect(events.find((b) => b.event === "resolved").alert.resolvedAt).not.toBeNull();
    } finally {
      await deleteWebhook(testContext(), hook.id);
    }
  });

  it("send test: the receiver's answer is reported, logged and audited; a rotated secret signs the next POST", async () => {
    const hook = await createWebhook(testContext(), { name: uniqueName("rx"), url });
    try {
      rx.answer([204]);
      const ok = await testWebhook(testContext(), hook.id);
      expect(ok).toMatchObject({
        delivered: true,
        statusCode: 204,
        delivery: { event: "test", status: "delivered", attempts: 1 },
      });
      expect(verifies(hook.secret, rx.got.at(-1)!)).toBe(true);

      const rotated = await updateWebhook(testContext(), hook.id, { rotateSecret: true });
      expect(rotated.secret).toMatch(/^whsec_/);
      expect(rotated.secret).not.toBe(hook.secret);
      rx.answer([418]);
      const refused = await testWebhook(testContext(), hook.id);
      expect(refused).toMatchObject({ delivered: false, statusCode: 418, delivery: { status: "failed" } });
      expect(verifies(rotated.secret!, rx.got.at(-1)!)).toBe(true);
      expect(verifies(hook.secret, rx.got.at(-1)!)).toBe(false);
      expect(await auditEvents("webhook.test", hook.id)).toHaveLength(2);
      expect(await auditEvents("webhook.update", hook.id)).toHaveLength(1);
    } finally {
      await deleteWebhook(testContext(), hook.id);
    }
    expect(await auditEvents("webhook.delete", hook.id)).toHaveLength(1);
  });
});
