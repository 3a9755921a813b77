// Issue 13 item 12: the audit log names its targets (an install command is no longer a UUID), and
// exports the current filter as CSV, streamed page by page with a header row.
import { beforeAll, describe, expect, it } from "vitest";
import * as list from "@/app/api/v1/audit-events/route";
import * as exportRoute from "@/app/api/v1/audit-events/export/route";
import type { AuditEventDto } from "@/lib/audit/list-events";
import { installCommandName } from "@/lib/audit/target-names";
import { db } from "@/lib/db/client";
import { apiToken, insertInstallCommand, makeCluster } from "@/lib/testing/fixtures";
import { call, errorOf } from "@/lib/testing/http";

let headers: Record<string, string>;
let clusterName: string;
let commandId: string;

const event = (action: string, extra: Record<string, unknown> = {}) => ({
  actorType: "user",
  actorName: "ops@example.com",
  action,
  targetType: "asset",
  region: "cn" as const,
  outcome: "success" as const,
  ...extra,
});

beforeAll(async () => {
  headers = { authorization: `Bearer ${await apiToken("viewer")}` };
  const cluster = await makeCluster();
  clusterName = cluster.name;
  commandId = (await insertInstallCommand(cluster.id)).id;
  await db().auditEvent.createMany({
    data: [
      // Recorded by id only, as install_command.create writes it.
      event("install_command.create", { targetType: "install_command", targetId: commandId }),
      ...Array.from({ length: 3 }, (_, i) =>
        event("cluster.delete", {
          targetType: "cluster",
          targetName: `gone-${i}`,
          outcome: "failure",
          errorCode: "CLUSTER_NOT_EMPTY",
        }),
      ),
      // More than one page of the export (500 events a page).
      ...Array.from({ length: 620 }, (_, i) => event("agent.register", { targetName: `host-${i}`, details: { n: i } })),
    ],
  });
});

async function exportCsv(query: string) {
  const request = new Request(`http://test/api/v1/audit-events/export${query}`, { headers });
  const response = await exportRoute.GET(request, { params: Promise.resolve({}) });
  return response;
}

async function readChunks(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(decoder.decode(next.value));
  return chunks;
}

describe("audit log", () => {
  it("names an install command by its cluster, OS and token hint, not its UUID", async () => {
    const page = await call<{ items: AuditEventDto[] }>(list.GET, "GET", "/api/v1/audit-events?action=install_command.create", {
      headers,
    });
    expect(page.status).toBe(200);
    const target = page.body.items[0]!.target;
    expect(target).toEqual({
      type: "install_command",
      id: commandId,
      name: installCommandName({ clusterName, os: "linux", tokenHint: "pin_test" }),
    });
    expect(target.name).toContain(clusterName);
    expect(target.name).not.toContain(commandId);
  });

  it("exports the current filter as CSV: header row, one row per matching event", async () => {
    const response = await exportCsv("?outcome=failure&action=cluster.delete");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = (await response.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\n");
    expect(header).toBe(
      "at,actor_type,actor,action,target_type,target,target_id,region,outcome,error_code,ip,request_id,details",
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/,cluster\.delete,cluster,gone-\d,,cn,failure,CLUSTER_NOT_EMPTY,/);
  });

  it("streams page after page: 620 events arrive in several chunks, each once", async () => {
    const chunks = await readChunks(await exportCsv("?action=agent.register"));
    // The header, then one chunk per page of 500.
    expect(chunks.length).toBe(3);
    const rows = chunks.join("").trimEnd().split("\n").slice(1);
    expect(rows).toHaveLength(620);
    expect(new Set(rows.map((r) => /host-\d+/.exec(r)?.[0])).size).toBe(620);
  });

  it("refuses a bad filter before any CSV", async () => {
    const response = await exportCsv("?outcome=maybe");
    expect(response.status).toBe(400);
    expect(errorOf({ status: 400, headers: response.headers, body: await response.json() })?.code).toBe("VALIDATION_FAILED");
  });
});
