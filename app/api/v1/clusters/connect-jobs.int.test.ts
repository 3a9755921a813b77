// Issue #5 item 4 through the API: POST /api/v1/clusters/{id}/connect-jobs queues a selection
// larger than a batch, a second job while one runs is 409 JOB_RUNNING, GET shows the progress,
// DELETE cancels (audited) and no wave runs after it.
import { beforeAll, describe, expect, it } from "vitest";
import * as jobs from "@/app/api/v1/clusters/[id]/connect-jobs/route";
import type { ConnectJobDto } from "@/lib/clients/connect-jobs";
import { runDueConnectJobs } from "@/lib/clients/run-connect-jobs";
import { db } from "@/lib/db/client";
import { apiToken, auditEvents, makeCluster } from "@/lib/testing/fixtures";
import { onlineAssets, servingProxy, sleep } from "@/lib/testing/fleet";
import { call, errorOf } from "@/lib/testing/http";

let operator: Record<string, string>;
let viewer: Record<string, string>;
beforeAll(async () => {
  operator = { authorization: `Bearer ${await apiToken("operator")}` };
  viewer = { authorization: `Bearer ${await apiToken("viewer")}` };
});

const post = (id: string, assetIds: string[], headers = operator) =>
  call<ConnectJobDto>(jobs.POST, "POST", "/", { params: { id }, headers, body: { assetIds } });
const list = (id: string) => call<{ items: ConnectJobDto[] }>(jobs.GET, "GET", "/", { params: { id }, headers: viewer });
const cancel = (id: string) => call<ConnectJobDto>(jobs.DELETE, "DELETE", "/", { params: { id }, headers: operator });

describe("connect jobs over HTTP", () => {
  it("queue 1,200 → one job at a time → progress → cancel → no wave after it", async () => {
    const cluster = await makeCluster();
    await servingProxy(cluster.id);
    const ids = await onlineAssets("cn", 1200);

    const created = await post(cluster.id, ids);
    expect(created).toMatchObject({ status: 201, body: { status: "running", total: 1200, totalWaves: 3, processed: 0 } });
    const second = await post(cluster.id, await onlineAssets("cn", 1));
    expect([second.status, errorOf(second)?.code]).toEqual([409, "JOB_RUNNING"]);

    expect(await runDueConnectJobs()).toBe(1);
    const [progress] = (await list(cluster.id)).body.items;
    expect(progress).toMatchObject({ id: created.body.id, status: "running", processed: 500, connected: 500, waves: 1 });
    expect(progress!.etaSeconds).toBeGreaterThan(0);

    const cancelled = await cancel(cluster.id);
    expect(cancelled).toMatchObject({ status: 200, body: { id: created.body.id, status: "cancelled", nextRunAt: null } });
    const audit = await auditEvents("connect_job.cancel", cluster.id);
    expect(audit.map((e) => [e.outcome, (e.details as { processed: number }).processed])).toEqual([["success", 500]]);

    // Past the time the next wave was due: it does not run.
    await sleep(Math.max(0, Date.parse(progress!.nextRunAt!) - Date.now()) + 100);
    expect(await runDueConnectJobs()).toBe(0);
    expect(await db().clientConnection.count({ where: { clusterId: cluster.id } })).toBe(500);
    expect([(await cancel(cluster.id)).status, errorOf(await cancel(cluster.id))?.code]).toEqual([404, "NOT_FOUND"]);
  });

  it("a viewer may read jobs but not queue one", async () => {
    const cluster = await makeCluster();
    const refused = await post(cluster.id, await onlineAssets("cn", 2), viewer);
    expect([refused.status, errorOf(refused)?.code]).toEqual([403, "FORBIDDEN"]);
    expect((await list(cluster.id)).body.items).toEqual([]);
  });
});
