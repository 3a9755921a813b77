// Issue 15, point 1: with the database away, the API says "retry later" (503 UNAVAILABLE with
// Retry-After), never 500, and never hangs: refused connections, a host that accepts TCP and
// then says nothing (a frozen or stopped server), and a statement that gets no answer. When the
// database is back, the same process serves again without a restart.
import { createServer, type Server, type Socket } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as clusters from "@/app/api/v1/clusters/route";
import { db, dbPool, disconnectDb, queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { sessionUser } from "@/lib/auth/authenticate";
import { apiToken } from "@/lib/testing/fixtures";
import { call, errorOf } from "@/lib/testing/http";
import { pausableProxy } from "@/lib/testing/pausable-proxy";
import { makeUser, sessionCookie } from "@/lib/testing/users";
import { isDatabaseUnavailable } from "./errors";

const realUrl = process.env.DATABASE_URL!;
let headers: Record<string, string>;

async function useDatabase(url: string) {
  await disconnectDb();
  process.env.DATABASE_URL = url;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
}

/** A host that accepts connections and never answers, as a frozen PostgreSQL does. */
async function silentHost() {
  const sockets: Socket[] = [];
  const server = createServer((socket) => void sockets.push(socket));
  const port = await listen(server);
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/frozen`,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

const listClusters = () => call(clusters.GET, "GET", "/?region=cn", { headers });

beforeAll(async () => {
  headers = { authorization: `Bearer ${await apiToken("viewer")}` };
});

afterEach(async () => {
  delete process.env.DATABASE_CONNECT_TIMEOUT_MS;
  delete process.env.DATABASE_QUERY_TIMEOUT_MS;
  delete process.env.DATABASE_POOL_SIZE;
  await useDatabase(realUrl);
});

describe("database unavailable", () => {
  it("refused connections: 503 UNAVAILABLE with Retry-After; back without a restart", async () => {
    const server = createServer();
    const port = await listen(server);
    await new Promise((resolve) => server.close(resolve));
    await useDatabase(`postgresql://postgres:postgres@127.0.0.1:${port}/gone`);
    const down = await listClusters();
    expect([down.status, errorOf(down)?.code, down.headers.get("retry-after")]).toEqual([503, "UNAVAILABLE", "5"]);
    await useDatabase(realUrl);
    expect((await listClusters()).status).toBe(200);
  });

  it("a signed-in page's session check says the database is away, not that the user is signed out", async () => {
    const user = await makeUser("viewer");
    const cookie = await sessionCookie(user.email);
    expect((await sessionUser(new Headers({ cookie })))?.id).toBe(user.id);
    const server = createServer();
    const port = await listen(server);
    await new Promise((resolve) => server.close(resolve));
    await useDatabase(`postgresql://postgres:postgres@127.0.0.1:${port}/gone`);
    const error = await sessionUser(new Headers({ cookie })).then(
      (u) => u,
      (e: unknown) => e,
    );
    expect(isDatabaseUnavailable(error), `session check answered ${JSON.stringify(error)}`).toBe(true);
  });

  it("a host that accepts and never answers: 503 within the connect timeout, not a hang", async () => {
    process.env.DATABASE_CONNECT_TIMEOUT_MS = "800";
    const host = await silentHost();
    try {
      await useDatabase(host.url);
      const started = Date.now();
      const down = await listClusters();
      expect([down.status, errorOf(down)?.code]).toEqual([503, "UNAVAILABLE"]);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await host.close();
    }
  });

  it("a statement without an answer fails at the query timeout and counts as unavailable", async () => {
    process.env.DATABASE_QUERY_TIMEOUT_MS = "300";
    await useDatabase(realUrl);
    const error = await queryRows(Prisma.sql`SELECT pg_sleep(2)`).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    const viaPrisma = await db().$queryRaw`SELECT pg_sleep(2)`.catch((e: unknown) => e);
    expect(isDatabaseUnavailable(viaPrisma)).toBe(true);
    // The pool goes on serving afterwards.
    expect(await queryRows<{ one: number }>(Prisma.sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });

  it("a connection ended by the server (restart, admin shutdown) counts as unavailable", async () => {
    const pid = (await queryRows<{ pid: number }>(Prisma.sql`SELECT pg_backend_pid() AS pid`))[0]!.pid;
    const error = await db()
      .$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_terminate_backend(pg_backend_pid())`;
      })
      .catch((e: unknown) => e);
    expect(pid).toBeGreaterThan(0);
    expect(isDatabaseUnavailable(error)).toBe(true);
    // The ended connection left the pool; none stays checked out (Prisma's adapter would keep it).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(dbPool().totalCount - dbPool().idleCount).toBe(0);
    expect((await listClusters()).status).toBe(200);
  });

  it("a frozen server: 503 at the query timeout, in and out of transactions; thawed, the same pool serves again", async () => {
    process.env.DATABASE_QUERY_TIMEOUT_MS = "600";
    // Two connections: two transactions stuck for good would leave none.
    process.env.DATABASE_POOL_SIZE = "2";
    const real = new URL(realUrl);
    const proxy = await pausableProxy({ host: real.hostname, port: Number(real.port) });
    try {
      const through = new URL(realUrl);
      through.port = String(proxy.port);
      await useDatabase(through.toString());
      expect((await listClusters()).status).toBe(200);
      proxy.freeze();
      const started = Date.now();
      const transaction = () =>
        db()
          .$transaction(async (t) => t.proxyCluster.count())
          .catch((e: unknown) => e);
      const [list, tx] = await Promise.all([listClusters(), transaction(), transaction()]);
      expect([list.status, errorOf(list)?.code]).toEqual([503, "UNAVAILABLE"]);
      expect(isDatabaseUnavailable(tx), String((tx as Error)?.message)).toBe(true);
      expect(Date.now() - started).toBeLessThan(8_000);
      proxy.thaw();
      // Every connection that timed out was dropped, none is left checked out: the pool serves.
      for (let i = 0; i < 12; i++) expect((await listClusters()).status).toBe(200);
      expect(dbPool().waitingCount).toBe(0);
    } finally {
      await disconnectDb();
      await proxy.close();
    }
  });

  it("a bug is still a bug: 500 INTERNAL, not UNAVAILABLE", () => {
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(
      isDatabaseUnavailable(new Prisma.PrismaClientKnownRequestError("Unique constraint", { code: "P2002", clientVersion: "6" })),
    ).toBe(false);
  });
});
