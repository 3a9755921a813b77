// Issue 15, point 3: a console whose database disk is full answers 503 UNAVAILABLE with
// Retry-After for writes, writes nothing half-way, and keeps serving reads. PostgreSQL's own
// error is raised by a trigger on every table (SQLSTATE 53100 disk_full, its real message), so
// every write of a request fails as it would on a full disk, including the ones a read makes on
// the side (an API token's last use, a session's renewal).
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as clusterItem from "@/app/api/v1/clusters/[id]/route";
import * as clusters from "@/app/api/v1/clusters/route";
import { db, queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { apiToken, makeCluster, uniqueName } from "@/lib/testing/fixtures";
import { call, errorOf } from "@/lib/testing/http";
import { makeUser, sessionCookie } from "@/lib/testing/users";

async function diskFull() {
  await queryRows(Prisma.sql`
    CREATE OR REPLACE FUNCTION pac_test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'could not extend file "base/16384/2619": No space left on device'
        USING ERRCODE = 'disk_full', HINT = 'Check free disk space.';
    END $$`);
  await queryRows(Prisma.sql`
    DO $$ DECLARE t text; BEGIN
      FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
        EXECUTE format('CREATE TRIGGER pac_test_disk_full BEFORE INSERT OR UPDATE OR DELETE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION pac_test_disk_full()', t);
      END LOOP;
    END $$`);
}

async function diskFreed() {
  await queryRows(Prisma.sql`
    DO $$ DECLARE t text; BEGIN
      FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS pac_test_disk_full ON %I', t);
      END LOOP;
    END $$`);
}

/** Everything creating a cluster writes. */
async function written() {
  const [clusterCount, policies, audit] = await Promise.all([
    db().proxyCluster.count(),
    db().proxyPolicy.count(),
    db().auditEvent.count({ where: { action: "cluster.create" } }),
  ]);
  return { clusterCount, policies, audit };
}

let operator: Record<string, string>;
let existing: { id: string };

beforeAll(async () => {
  operator = { authorization: `Bearer ${await apiToken("operator")}` };
  existing = await makeCluster({ region: "cn", name: uniqueName("before") });
});

afterEach(diskFreed);

describe("database disk full", () => {
  it("a write answers 503 UNAVAILABLE with Retry-After and writes nothing", async () => {
    const before = await written();
    await diskFull();
    const created = await call(clusters.POST, "POST", "/api/v1/clusters", {
      headers: operator,
      body: { region: "cn", name: uniqueName("full"), address: "full.example.com", description: "" },
    });
    expect([created.status, errorOf(created)?.code, created.headers.get("retry-after")]).toEqual([503, "UNAVAILABLE", "5"]);
    expect(errorOf(created)?.message).toMatch(/disk is full/);
    await diskFreed();
    expect(await written()).toEqual(before);
    // Space again: the same request succeeds.
    const again = await call(clusters.POST, "POST", "/api/v1/clusters", {
      headers: operator,
      body: { region: "cn", name: uniqueName("freed"), address: "freed.example.com", description: "" },
    });
    expect(again.status).toBe(201);
  });

  it("reads keep working, with a token not used for a while", async () => {
    // A token never used before: its first use would record last_used_at.
    const viewer = { authorization: `Bearer ${await apiToken("viewer")}` };
    await diskFull();
    const list = await call<{ items: { id: string }[] }>(clusters.GET, "GET", "/api/v1/clusters?region=cn", { headers: viewer });
    expect(list.status).toBe(200);
    expect(list.body.items.map((c) => c.id)).toContain(existing.id);
    const one = await call(clusterItem.GET, "GET", `/api/v1/clusters/${existing.id}`, {
      params: { id: existing.id },
      headers: viewer,
    });
    expect(one.status).toBe(200);
  });

  it("reads keep working with a session due for renewal", async () => {
    const user = await makeUser("viewer");
    const cookie = await sessionCookie(user.email);
    // Issued two hours ago: better-auth renews a session older than its update age (one hour).
    await queryRows(Prisma.sql`UPDATE session SET expires_at = now() + interval '10 hours', updated_at = now() - interval '2 hours'
                                WHERE user_id = ${user.id}`);
    await diskFull();
    const list = await call(clusters.GET, "GET", "/api/v1/clusters?region=cn", { headers: { cookie } });
    expect(list.status).toBe(200);
  });
});
