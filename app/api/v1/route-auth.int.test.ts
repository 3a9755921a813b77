// Issue #3: every /api/v1 endpoint, enumerated from the route tree at test time, answers 401
// without credentials unless it is public, 403 FORBIDDEN to a role below its own, and keeps the
// two credential kinds apart: agent credentials only on agent routes, API tokens never there.
// Each endpoint's kind is found by probing, then checked against the policy of the issue.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db/client";
import { apiToken, testContext } from "@/lib/testing/fixtures";
import { agentWithCredential, UNKNOWN_ID } from "@/lib/testing/fleet";
import { call, errorOf } from "@/lib/testing/http";
import { ensureAuthSecret } from "@/lib/testing/users";
import * as clusters from "./clusters/route";
import * as tokenItem from "./tokens/[id]/route";

type Handler = Parameters<typeof call>[0];
type Endpoint = { method: string; path: string; url: string; params: Record<string, string>; handler: Handler };

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const ROOT = import.meta.dirname;

/** A well-formed value for each dynamic segment, so params parse. */
function paramValue(name: string, routePath: string): string {
  if (name === "file") return "pac-agent.mjs";
  if (name === "version") return "9.9.9";
  if (name === "token") return `${routePath.includes("/deploy/") ? "pdp" : "pin"}_${"A".repeat(43)}`;
  return UNKNOWN_ID;
}

async function enumerateEndpoints(): Promise<Endpoint[]> {
  const files = readdirSync(ROOT, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .sort();
  const endpoints: Endpoint[] = [];
  for (const file of files) {
    const routePath = `/api/v1/${path.dirname(file)}`.replace(/\/\.$/, "");
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    const params: Record<string, string> = {};
    const url = routePath.replace(/\[(\w+)\]/g, (_, name: string) => (params[name] = paramValue(name, routePath)));
    for (const method of METHODS) {
      if (typeof mod[method] === "function")
        endpoints.push({ method, path: routePath, url, params, handler: mod[method] as Handler });
    }
  }
  return endpoints;
}

const endpoints = await enumerateEndpoints();

/**
 * The only routes that may answer without credentials: sign-in, agent registrations, the served
 * install/deploy scripts and agent files. A new public route is a security decision: add it here.
 */
const PUBLIC_ALLOWED = [
  /^POST \/api\/v1\/auth\/sign-in$/,
  /^POST \/api\/v1\/agent\/register$/,
  /^POST \/api\/v1\/agent\/proxies\/register$/,
  /^GET \/api\/v1\/install\/\[token\]\/(linux\.sh|windows\.ps1)$/,
  /^GET \/api\/v1\/deploy\/\[token\]\/proxy\.sh$/,
  /^GET \/api\/v1\/agent-dist\/\[\.\.\.file\]$/,
];
const SELF_SERVICE = /^\/api\/v1\/auth\//;
/** Users and API tokens are the admin's (issue #3, item 3). */
const ADMIN_ONLY = /^\/api\/v1\/(users|tokens)(\/|$)/;
/** Alert rules and webhook destinations: everyone reads them, only an admin changes them (issue 14). */
const ADMIN_WRITES = /^\/api\/v1\/(alert-rules|webhooks)(\/|$)/;

const tokenRow = (token: string) => db().apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
let tokens: Record<"viewer" | "operator" | "admin", string>;
let agentAuth: string;

/** 401/403 become "status CODE"; anything else means "let in" (400, 404, 200, a script...). */
async function send(e: Endpoint, headers: Record<string, string> = {}): Promise<string> {
  const request = new Request(new URL(e.url, "http://test"), { method: e.method, headers });
  const response = await e.handler(request, { params: Promise.resolve(e.params) });
  if (response.status !== 401 && response.status !== 403) return "let in";
  const body = (await response.json()) as { error: { code: string } };
  return `${response.status} ${body.error.code}`;
}

beforeAll(async () => {
  ensureAuthSecret();
  tokens = { viewer: await apiToken("viewer"), operator: await apiToken("operator"), admin: await apiToken("admin") };
  agentAuth = (await agentWithCredential()).authorization;
});

describe("the route tree", () => {
  it("is enumerated from the files (not a hand list) and holds the endpoints of SPEC §5 and §7", () => {
    const names = endpoints.map((e) => `${e.method} ${e.path}`);
    expect(endpoints.length).toBeGreaterThanOrEqual(30);
    expect(names).toEqual(
      expect.arrayContaining([
        "POST /api/v1/clusters",
        "DELETE /api/v1/clusters/[id]",
        "POST /api/v1/clusters/[id]/clients",
        "PUT /api/v1/clusters/[id]/policy",
        "POST /api/v1/agent/proxies/[id]/heartbeat",
        "DELETE /api/v1/tokens/[id]",
      ]),
    );
  });
});

describe.each(endpoints.map((e) => [`${e.method} ${e.path}`, e] as const))("%s", (name, e) => {
  it("answers each kind of caller as its declared role demands", async () => {
    const none = await send(e);
    if (none === "let in") {
      // Public: only the allowed few may answer without credentials.
      expect(
        PUBLIC_ALLOWED.some((re) => re.test(name)),
        `${name} answers without credentials`,
      ).toBe(true);
      return;
    }
    const [viewer, operator, admin, agent] = await Promise.all([
      send(e, bearer(tokens.viewer)),
      send(e, bearer(tokens.operator)),
      send(e, bearer(tokens.admin)),
      send(e, { authorization: agentAuth }),
    ]);
    const actual = { none, viewer, operator, admin, agent };
    if (admin === "401 UNAUTHENTICATED") {
      // An agent route: only the agent credential gets in, every API token is refused.
      expect(e.path.startsWith("/api/v1/agent/"), `${name} refuses API tokens but is not an agent route`).toBe(true);
      expect(actual).toEqual({ none, viewer: none, operator: none, admin: none, agent: "let in" });
      return;
    }
    // Under /auth/ a caller acts on their own session and account (sign out, own password).
    const mutation = e.method !== "GET" && !SELF_SERVICE.test(e.path);
    const adminOnly = ADMIN_ONLY.test(e.path) || (mutation && ADMIN_WRITES.test(e.path));
    expect(actual).toEqual({
      none: "401 UNAUTHENTICATED",
      viewer: mutation || adminOnly ? "403 FORBIDDEN" : "let in",
      operator: adminOnly ? "403 FORBIDDEN" : "let in",
      admin: "let in",
      agent: "401 UNAUTHENTICATED",
    });
  });
});

describe("API tokens", () => {
  it("a revoked token is refused on the very next request", async () => {
    const created = await apiToken("operator");
    const list = () => call(clusters.GET, "GET", "/api/v1/clusters?region=cn", { headers: bearer(created) });
    expect((await list()).status).toBe(200);
    const row = await tokenRow(created);
    const revoke = await call(tokenItem.DELETE, "DELETE", `/api/v1/tokens/${row.id}`, {
      params: { id: row.id },
      headers: bearer(tokens.admin),
    });
    expect(revoke.status).toBe(200);
    const after = await list();
    expect(after.status).toBe(401);
    expect(errorOf(after)?.code).toBe("UNAUTHENTICATED");
  });

  it("an expired token is refused", async () => {
    const created = await apiToken("operator");
    const row = await tokenRow(created);
    await db().apiToken.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const r = await call(clusters.GET, "GET", "/api/v1/clusters?region=cn", { headers: bearer(created) });
    expect(r.status).toBe(401);
  });

  it.each([
    ["an unknown pac_ token", () => bearer(`pac_${"x".repeat(43)}`)],
    ["a malformed Authorization header", () => ({ authorization: "Token abc" })],
    ["an agent credential", () => ({ authorization: agentAuth })],
  ])("%s is refused with 401", async (_what, headers) => {
    const r = await call(clusters.GET, "GET", "/api/v1/clusters?region=cn", { headers: headers() });
    expect(r.status).toBe(401);
    expect(errorOf(r)?.code).toBe("UNAUTHENTICATED");
  });

  it("revoking through the operation is audited with the token's name", async () => {
    const row = await tokenRow(await apiToken("viewer"));
    await revokeApiToken(testContext(), row.id);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "token.revoke", targetId: row.id } });
    expect(event).toMatchObject({ outcome: "success", targetName: row.name });
  });
});
