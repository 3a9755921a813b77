// Keeps the pool whole when PostgreSQL goes away mid-transaction (issue 15). Prisma's pg adapter
// gives a transaction's connection back only through COMMIT or ROLLBACK; when the server ends the
// connection (a restart, an admin shutdown, a crash) or stops answering, the ROLLBACK fails too
// and the connection stays checked out for ever: each outage would cost a pool slot, until a
// console restart. So:
//  - a connection that ends while checked out is released with an error, which takes it out of
//    the pool (a later release by its holder is then a no-op);
//  - a statement that gets no answer within the query timeout destroys its connection, which
//    then ends (above): the server may be frozen, and that connection cannot be trusted again.
import type pg from "pg";

type GuardedClient = pg.PoolClient & { connection?: { stream?: { destroy(): void } }; __guarded?: boolean };

const checkedOut = new WeakSet<pg.PoolClient>();

function forceRelease(client: GuardedClient, reason: string) {
  if (!checkedOut.has(client)) return;
  checkedOut.delete(client);
  const release = client.release;
  client.release = () => undefined;
  try {
    release.call(client, new Error(reason));
  } catch {
    // already released
  }
}

export function guardPool(pool: pg.Pool, onLost: (reason: string) => void): void {
  pool.on("connect", (raw) => {
    const client = raw as GuardedClient;
    if (client.__guarded) return;
    client.__guarded = true;
    client.on("end", () => {
      if (checkedOut.has(client)) {
        onLost("a checked-out database connection ended");
        forceRelease(client, "the database connection ended");
      }
    });
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const result = query(...args);
      if (result && typeof (result as Promise<unknown>).catch === "function") {
        (result as Promise<unknown>).catch((error: unknown) => {
          if (error instanceof Error && error.message === "Query read timeout") client.connection?.stream?.destroy();
        });
      }
      return result;
    };
  });
  pool.on("acquire", (client) => checkedOut.add(client));
  pool.on("release", (_err, client) => checkedOut.delete(client));
}
