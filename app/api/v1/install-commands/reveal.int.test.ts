// Issue 13 point 13: an operator shows an install command again from the list until it expires
// or is revoked; every reveal is audited; a viewer may not; the database alone holds no usable
// token (only its hash and a copy sealed under a key outside the database); a command whose
// cluster was deleted names that cluster.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as agentRegister from "@/app/api/v1/agent/register/route";
import { deleteCluster } from "@/lib/clusters/delete-cluster";
import { unseal } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { sealContext } from "@/lib/install-commands/reveal-install-command";
import { apiToken, auditEvents, makeCluster, testContext } from "@/lib/testing/fixtures";
import { call, errorOf } from "@/lib/testing/http";
import { serverFacts } from "@/lib/testing/proxy-api";
import * as reveal from "./[id]/reveal/route";
import * as item from "./[id]/route";
import * as collection from "./route";

let operator: Record<string, string>;
let viewer: Record<string, string>;
beforeAll(async () => {
  const origin = "https://console.example";
  operator = { authorization: `Bearer ${await apiToken("operator")}`, origin };
  viewer = { authorization: `Bearer ${await apiToken("viewer")}`, origin };
});

type Created = { id: string; token: string; command: string };
type Listed = { id: string; revealable: boolean; cluster: { name: string } | null; deletedCluster: { name: string } | null };
const create = async (body: Record<string, unknown> = {}) =>
  (
    await call<Created>(collection.POST, "POST", "/api/v1/install-commands", {
      headers: operator,
      body: { region: "cn", clusterId: null, os: "linux", provider: "aws", ...body },
    })
  ).body;
const show = (id: string, headers = operator) =>
  call<{ command: string; expiresAt: string }>(reveal.POST, "POST", "/", { params: { id }, headers });
const listed = async (id: string) =>
  (
    await call<{ items: Listed[] }>(collection.GET, "GET", "/api/v1/install-commands?region=cn", { headers: operator })
  ).body.items.find((c) => c.id === id);

describe("revealing an install command", () => {
  it("shows the same command again, as often as asked, each time audited", async () => {
    const created = await create();
    expect((await listed(created.id))?.revealable).toBe(true);
    for (let i = 0; i < 2; i++) {
      const shown = await show(created.id);
      expect(shown.status).toBe(200);
      expect(shown.body.command).toBe(created.command);
    }
    const events = await auditEvents("install_command.reveal", created.id);
    expect(events.map((e) => [e.outcome, e.actorType, e.targetName])).toEqual([
      ["success", "token", created.token.slice(0, 8)],
      ["success", "token", created.token.slice(0, 8)],
    ]);
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain(created.token);
  });

  it("a cluster's command is shown through the cluster's proxies, as created", async () => {
    const cluster = await makeCluster();
    const created = await create({ clusterId: cluster.id });
    expect((await show(created.id)).body.command).toBe(created.command);
  });

  it("refuses a viewer with 403, audits nothing, reveals nothing", async () => {
    const created = await create();
    const refused = await show(created.id, viewer);
    expect([refused.status, errorOf(refused)?.code]).toEqual([403, "FORBIDDEN"]);
    expect(JSON.stringify(refused.body)).not.toContain(created.token);
    expect(await auditEvents("install_command.reveal", created.id)).toEqual([]);
  });

  it.each<[string, (id: string) => Promise<unknown>, string]>([
    [
      "expired",
      (id) => db().installCommand.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } }),
      "expired",
    ],
    ["revoked", (id) => call(item.DELETE, "DELETE", "/", { params: { id }, headers: operator }), "revoked"],
  ])("refuses a command once %s (410), audits the refusal", async (_what, end, reason) => {
    const created = await create();
    await end(created.id);
    const refused = await show(created.id);
    expect([refused.status, errorOf(refused)?.code, errorOf(refused)?.details]).toEqual([410, "GONE", { reason }]);
    expect(JSON.stringify(refused.body)).not.toContain(created.token);
    expect((await listed(created.id))?.revealable).toBe(false);
    const events = await auditEvents("install_command.reveal", created.id);
    expect(events.map((e) => [e.outcome, e.errorCode])).toEqual([["failure", "GONE"]]);
  });

  it("an older command without a sealed token cannot be shown again (409 NOT_REVEALABLE)", async () => {
    const created = await create();
    await db().installCommand.update({ where: { id: created.id }, data: { tokenCiphertext: null } });
    const refused = await show(created.id);
    expect([refused.status, errorOf(refused)?.code, errorOf(refused)?.details]).toEqual([
      409,
      "NOT_REVEALABLE",
      { reason: "notStored" },
    ]);
    expect((await listed(created.id))?.revealable).toBe(false);
  });

  it("answers 404 for an unknown command", async () => {
    expect((await show("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("what the database holds", () => {
  it("no plaintext token: the row has the hash and a sealed copy that opens only with the key outside it", async () => {
    const created = await create();
    const row = await db().installCommand.findUniqueOrThrow({ where: { id: created.id } });
    const secret = created.token.slice(8);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.tokenCiphertext).toMatch(/^v1:/);
    // With any other key — all a copy of the database gives — it does not open.
    expect(unseal(row.tokenCiphertext!, sealContext(row.id), randomBytes(32))).toBeNull();
    // Copied onto another row, it does not open either.
    const other = await create();
    expect(unseal(row.tokenCiphertext!, sealContext(other.id))).toBeNull();
    expect(unseal(row.tokenCiphertext!, sealContext(row.id))).toBe(created.token);
  });

  it("a revealed command still registers a server: the hash is what registration checks", async () => {
    const created = await create();
    const shown = await show(created.id);
    const token = /install\/([^/]+)\/linux\.sh/.exec(shown.body.command)![1]!;
    const registered = await call(agentRegister.POST, "POST", "/", { body: { installToken: token, ...serverFacts() } });
    expect(registered.status).toBe(201);
  });
});

describe("a command whose cluster was deleted", () => {
  it('keeps the cluster\'s name ("deleted cluster <name>"), not "direct"', async () => {
    const cluster = await makeCluster();
    const created = await create({ clusterId: cluster.id });
    const direct = await create();
    expect(await listed(created.id)).toMatchObject({ cluster: { name: cluster.name }, deletedCluster: null });
    await deleteCluster(testContext(), cluster.id);
    expect(await listed(created.id)).toMatchObject({ cluster: null, deletedCluster: { name: cluster.name } });
    expect(await listed(direct.id)).toMatchObject({ cluster: null, deletedCluster: null });
  });
});
