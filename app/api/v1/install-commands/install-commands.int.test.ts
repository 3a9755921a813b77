// R19 through the routes: the token is stored as a hash and sealed under a key outside the
// database (it is nowhere in the database in clear; reveal.int.test.ts shows it again); an expired or revoked command registers nothing (410 with a clear message),
// an unknown one 401; registrations get the command's group and provider; "create image"
// tells clones apart by machine id; a command without a cluster only adds to the inventory.
import { beforeAll, describe, expect, it } from "vitest";
import * as agentRegister from "@/app/api/v1/agent/register/route";
import { hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import { apiToken, makeCluster } from "@/lib/testing/fixtures";
import { servingProxy } from "@/lib/testing/fleet";
import { call, errorOf, fieldPaths } from "@/lib/testing/http";
import { serverFacts } from "@/lib/testing/proxy-api";
import * as item from "./[id]/route";
import * as collection from "./route";

let headers: Record<string, string>;
let clusterId: string;
let address: string;
beforeAll(async () => {
  headers = { authorization: `Bearer ${await apiToken("operator")}`, origin: "https://console.example" };
  const cluster = await makeCluster();
  await servingProxy(cluster.id);
  clusterId = cluster.id;
  address = cluster.address;
});

type Created = { id: string; token: string; command: string; reach: string; expiresAt: string };
const create = (body: Record<string, unknown>) =>
  call<Created>(collection.POST, "POST", "/api/v1/install-commands", {
    headers,
    body: { region: "cn", clusterId, os: "linux", provider: "aws", ...body },
  });
const register = (installToken: string, facts: Record<string, unknown> = {}) =>
  call<{ assetId: string; clusterId: string | null }>(agentRegister.POST, "POST", "/", {
    body: { installToken, ...serverFacts(), ...facts },
  });
const list = (query: string) =>
  call<{ items: { id: string; status: string; registrations: number }[] }>(
    collection.GET,
    "GET",
    `/api/v1/install-commands${query}`,
    { headers },
  );

describe("install commands (R19)", () => {
  it("the command carries the token; the database holds its SHA-256 and a sealed copy, nowhere the token", async () => {
    const created = await create({});
    expect(created.status).toBe(201);
    const { token, command } = created.body;
    expect(token).toMatch(/^pin_[A-Za-z0-9_-]{43}$/); // 256 random bits
    // A cluster's command goes through its proxies (SPEC §8); a direct one names the console.
    expect(command).toBe(`curl -fsSL http://${address}:8080/api/v1/install/${token}/linux.sh | sudo bash`);
    expect(created.body.reach).toBe(`http://${address}:8080`);
    const direct = await create({ clusterId: null });
    expect(direct.body.command).toBe(
      `curl -fsSL https://console.example/api/v1/install/${direct.body.token}/linux.sh | sudo bash`,
    );
    expect(direct.body.reach).toBe("https://console.example");
    const row = await db().installCommand.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHint).toBe(token.slice(0, 8));
    const secret = token.slice(8); // everything past the visible hint
    const tables = await db().$queryRaw<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    const tablesHolding = async (text: string) => {
      const hits: string[] = [];
      for (const { name } of tables) {
        const [row] = await db().$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM "${name}" t WHERE strpos(t::text, $1) > 0`,
          text,
        );
        if (row!.n > 0) hits.push(name);
      }
      return hits;
    };
    expect(await tablesHolding(secret)).toEqual([]);
    expect(await tablesHolding(row.tokenHash)).toEqual(["install_command"]); // the scan does find what is there
  });

  it("Windows commands are a PowerShell one-liner", async () => {
    const { body } = await create({ os: "windows" });
    expect(body.command).toMatch(/^powershell .*irm 'http:\/\/[^/]+:8080\/api\/v1\/install\/pin_[\w-]+\/windows\.ps1'/);
  });

  it("a registration gets the command's group and provider and connects through its cluster", async () => {
    const group = await db().assetGroup.create({ data: { region: "cn", name: "web-tier" } });
    const { body } = await create({ provider: "tencent", groupId: group.id });
    const reg = await register(body.token);
    expect(reg).toMatchObject({ status: 201, body: { clusterId } });
    const asset = await db().asset.findUniqueOrThrow({ where: { id: reg.body.assetId }, include: { connection: true } });
    expect(asset).toMatchObject({ provider: "tencent", groupId: group.id, installCommandId: body.id });
    expect(asset.connection?.clusterId).toBe(clusterId);
    expect((await list("?region=cn")).body.items.find((c) => c.id === body.id)).toMatchObject({
      status: "active",
      registrations: 1,
    });
  });

  it("a command without a cluster adds the server to the inventory only", async () => {
    const { body } = await create({ clusterId: null });
    const reg = await register(body.token);
    expect(reg).toMatchObject({ status: 201, body: { clusterId: null } });
    expect(await db().clientConnection.count({ where: { assetId: reg.body.assetId } })).toBe(0);
  });

  it.each<[string, boolean, number]>([
    ["create image: clones with the same hostname and IPs are told apart by machine id", true, 2],
    ["no create image: the same hostname and IPs are one server", false, 1],
  ])("%s", async (_name, createImage, assets) => {
    const { body } = await create({ createImage, clusterId: null });
    const facts = serverFacts();
    const first = await register(body.token, { ...facts, machineId: "machine-aaaaaaaa" });
    const clone = await register(body.token, { ...facts, machineId: "machine-bbbbbbbb" });
    expect([first.status, clone.status]).toEqual([201, 201]);
    expect(await db().asset.count({ where: { hostname: facts.hostname } })).toBe(assets);
    const again = await register(body.token, { ...facts, machineId: "machine-aaaaaaaa" });
    expect(again.body.assetId).toBe(first.body.assetId);
  });
});

describe("an expired, revoked or unknown command registers nothing", () => {
  it.each<[string, (c: Created) => Promise<unknown>, number, string, RegExp]>([
    [
      "expired",
      (c) => db().installCommand.update({ where: { id: c.id }, data: { expiresAt: new Date(Date.now() - 1000) } }),
      410,
      "GONE",
      /expired: generate a new one/,
    ],
    [
      "revoked through DELETE",
      (c) => call(item.DELETE, "DELETE", "/", { params: { id: c.id }, headers }),
      410,
      "GONE",
      /revoked: generate a new one/,
    ],
  ])("%s → %i with a clear message, no asset, no connection", async (_name, spoil, status, code, message) => {
    const created = (await create({})).body;
    await spoil(created);
    const facts = serverFacts();
    const r = await register(created.token, facts);
    expect([r.status, errorOf(r)?.code]).toEqual([status, code]);
    expect(errorOf(r)?.message).toMatch(message);
    expect(await db().asset.count({ where: { hostname: facts.hostname } })).toBe(0);
    expect((await db().installCommand.findUniqueOrThrow({ where: { id: created.id } })).registrations).toBe(0);
  });

  it("an unknown token → 401", async () => {
    const r = await register(`pin_${"Q".repeat(43)}`);
    expect([r.status, errorOf(r)?.code]).toEqual([401, "UNAUTHENTICATED"]);
  });

  it("the list says which are expired and revoked", async () => {
    const expired = (await create({})).body;
    await db().installCommand.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = (await create({})).body;
    await call(item.DELETE, "DELETE", "/", { params: { id: revoked.id }, headers });
    const byStatus = async (s: string) => (await list(`?region=cn&status=${s}`)).body.items.map((c) => c.id);
    expect(await byStatus("expired")).toContain(expired.id);
    expect(await byStatus("revoked")).toContain(revoked.id);
    expect(await byStatus("active")).not.toContain(expired.id);
  });
});

describe("creating: refused input", () => {
  it.each<[string, Record<string, unknown>, number, string, string[]?]>([
    ["expiry under an hour", { expiresInHours: 0 }, 400, "VALIDATION_FAILED", ["body.expiresInHours"]],
    ["expiry over 30 days", { expiresInHours: 721 }, 400, "VALIDATION_FAILED", ["body.expiresInHours"]],
    ["unknown provider", { provider: "oracle" }, 400, "VALIDATION_FAILED", ["body.provider"]],
    ["another region's cluster (R1)", { region: "intl" }, 422, "REGION_MISMATCH"],
    ["an unknown cluster", { clusterId: "00000000-0000-4000-8000-000000000000" }, 404, "NOT_FOUND"],
  ])("%s → %i %s", async (_name, body, status, code, fields) => {
    const r = await create(body);
    expect([r.status, errorOf(r)?.code]).toEqual([status, code]);
    if (fields) expect(fieldPaths(r)).toEqual(fields);
  });
});
