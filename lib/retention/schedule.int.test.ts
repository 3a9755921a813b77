// The retention job's timers: they do not keep the process alive, and a run that fails because
// the database is away is logged, not thrown, and the next tick runs once it is back.
import { createServer } from "node:net";
import { afterEach, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { waitFor } from "@/lib/testing/agent-console";
import { startRetentionJob, stopRetentionJob } from "./schedule";

const realUrl = process.env.DATABASE_URL!;
afterEach(async () => {
  stopRetentionJob();
  await disconnectDb();
  process.env.DATABASE_URL = realUrl;
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it("survives a database outage and runs at the next tick once it is back", async () => {
  const old = await db().auditEvent.create({
    data: {
      at: new Date(Date.now() - 1000 * 86_400_000),
      actorType: "system",
      actorName: "test",
      action: "test.old",
      targetType: "test",
      outcome: "success",
    },
  });
  await disconnectDb();
  process.env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${await closedPort()}/away`;

  const timer = startRetentionJob({ firstDelayMs: 10, everyMs: 1500 });
  expect(timer?.hasRef()).toBe(false);
  await new Promise((resolve) => setTimeout(resolve, 500)); // the first run fails here

  await disconnectDb();
  process.env.DATABASE_URL = realUrl;
  await waitFor("the next run", async () => ((await db().auditEvent.count({ where: { id: old.id } })) === 0 ? true : undefined));
});
