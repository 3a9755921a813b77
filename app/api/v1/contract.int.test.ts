// Issue 14: the operations no other integration test calls, called once each here, so that every
// operation's answer is checked against the OpenAPI document at least once (lib/testing/
// contract-setup.ts checks every answer call() and callText() receive).
import { beforeAll, describe, expect, it } from "vitest";
import { ensureGroup } from "@/lib/assets/groups-and-tags";
import { createConnectJob } from "@/lib/clients/connect-jobs";
import { db } from "@/lib/db/client";
import { createInstallCommand } from "@/lib/install-commands/create-install-command";
import { publishTestReleases } from "@/lib/testing/releases";
import { apiToken, insertAsset, makeCluster, testContext, uniqueName } from "@/lib/testing/fixtures";
import { call, callText } from "@/lib/testing/http";
import { ensureAuthSecret, makeUser, sessionCookie, TEST_PASSWORD } from "@/lib/testing/users";
import * as auditExport from "./audit-events/export/route";
import * as password from "./auth/password/route";
import * as window from "./clusters/[id]/clients/window/route";
import * as connectJob from "./clusters/[id]/connect-jobs/[jobId]/route";
import * as traffic from "./clusters/[id]/traffic/route";
import * as groups from "./groups/route";
import * as windowsScript from "./install/[token]/windows.ps1/route";
import * as openapi from "./openapi.json/route";
import * as releases from "./proxy-releases/route";
import * as tags from "./tags/route";
import * as tokens from "./tokens/route";
import * as users from "./users/route";

let viewer: Record<string, string>;
let operator: Record<string, string>;
let admin: Record<string, string>;
let clusterId: string;

beforeAll(async () => {
  ensureAuthSecret();
  const bearer = async (role: "viewer" | "operator" | "admin") => ({ authorization: `Bearer ${await apiToken(role)}` });
  [viewer, operator, admin] = await Promise.all([bearer("viewer"), bearer("operator"), bearer("admin")]);
  clusterId = (await makeCluster()).id;
});

describe("the document itself", () => {
  it("is served to any signed-in caller, and to no one else", async () => {
    const answer = await call<{ openapi: string; paths: Record<string, unknown> }>(openapi.GET, "GET", "/api/v1/openapi.json", {
      headers: viewer,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe("3.1.1");
    expect(Object.keys(answer.body.paths)).toContain("/api/v1/openapi.json");
    expect((await call(openapi.GET, "GET", "/api/v1/openapi.json")).status).toBe(401);
  });
});

describe("reads", () => {
  it("a cluster's batch window and traffic", async () => {
    const params = { id: clusterId };
    expect(
      (await call(window.GET, "GET", `/api/v1/clusters/${clusterId}/clients/window`, { params, headers: viewer })).status,
    ).toBe(200);
    expect((await call(traffic.GET, "GET", `/api/v1/clusters/${clusterId}/traffic`, { params, headers: viewer })).status).toBe(
      200,
    );
  });

  it("a region's groups and tags, and the proxy releases", async () => {
    await db().$transaction((tx) => ensureGroup(tx, "cn", uniqueName("group")));
    await db().tag.create({ data: { region: "cn", name: uniqueName("tag") } });
    await publishTestReleases();
    const groupList = await call<{ items: unknown[] }>(groups.GET, "GET", "/api/v1/groups?region=cn", { headers: viewer });
    const tagList = await call<{ items: unknown[] }>(tags.GET, "GET", "/api/v1/tags?region=cn", { headers: viewer });
    const releaseList = await call<{ items: unknown[] }>(releases.GET, "GET", "/api/v1/proxy-releases", { headers: viewer });
    for (const answer of [groupList, tagList, releaseList]) {
      expect(answer.status).toBe(200);
      expect(answer.body.items.length).toBeGreaterThan(0);
    }
  });

  it("the audit log as CSV", async () => {
    const answer = await callText(auditExport.GET, "GET", "/api/v1/audit-events/export?region=cn", { headers: viewer });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^text\/csv/);
  });

  it("the Windows install script", async () => {
    const created = await createInstallCommand(
      testContext(),
      { region: "cn", clusterId: null, os: "windows", provider: "idc", groupId: null, createImage: false, expiresInHours: 1 },
      "http://console.test",
    );
    const answer = await callText(windowsScript.GET, "GET", `/api/v1/install/${created.token}/windows.ps1`, {
      params: { token: created.token },
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(created.token);
  });
});

describe("changes", () => {
  it("cancel one connect job by its id", async () => {
    const asset = await insertAsset("cn");
    const job = await createConnectJob(testContext(), clusterId, [asset.id]);
    const answer = await call<{ status: string }>(
      connectJob.DELETE,
      "DELETE",
      `/api/v1/clusters/${clusterId}/connect-jobs/${job.id}`,
      {
        params: { id: clusterId, jobId: job.id },
        headers: operator,
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe("cancelled");
  });

  it("users and API tokens, as an admin", async () => {
    const user = await call(users.POST, "POST", "/api/v1/users", {
      body: { email: `${uniqueName("user")}@example.com`, name: "Contract", role: "viewer" },
      headers: admin,
    });
    expect(user.status).toBe(201);
    const token = await call(tokens.POST, "POST", "/api/v1/tokens", {
      body: { name: uniqueName("token"), role: "viewer" },
      headers: admin,
    });
    expect(token.status).toBe(201);
    expect((await call(users.GET, "GET", "/api/v1/users", { headers: admin })).status).toBe(200);
    expect((await call(tokens.GET, "GET", "/api/v1/tokens", { headers: admin })).status).toBe(200);
    expect((await call(tokens.GET, "GET", "/api/v1/tokens", { headers: viewer })).status).toBe(403);
  });

  it("one's own password, signed in", async () => {
    const user = await makeUser("viewer");
    const cookie = await sessionCookie(user.email);
    const answer = await call(password.POST, "POST", "/api/v1/auth/password", {
      body: { currentPassword: TEST_PASSWORD, newPassword: "another-password-2026" },
      headers: { cookie, host: "console.test", origin: "http://console.test" },
    });
    expect(answer.status).toBe(204);
  });
});
