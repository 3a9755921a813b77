// Port checks before anything expensive starts: is a port free (asked the way the server will
// ask, by listening on it), and which port this checkout's embedded PostgreSQL should take.
import { createServer } from "node:net";
import { preferredEmbeddedPort, rememberPort, rememberedPortFile } from "./url";

export type PortState = "free" | "in use" | "not allowed";

/** Listens on `port` for a moment; without a host, on every address as `next start` does. */
export function probePort(port: number, host?: string): Promise<PortState> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "EACCES" ? "not allowed" : "in use"));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve("free")));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// Next to the default, below the range the e2e runs take (54400+), so a second checkout's port
// is easy to recognise; any free port when all are taken.
const NEARBY_PORTS = Array.from({ length: 70 }, (_, i) => 54330 + i);

/**
 * The port for a new embedded server of the checkout whose data is in `dataDir`. Called only once
 * no server of this checkout runs (embedded.ts attaches to one that does), so a busy preferred
 * port belongs to someone else: take a free one and remember it for the next start.
 */
export async function chooseEmbeddedPort(dataDir: string, log: (line: string) => void): Promise<number> {
  const preferred = preferredEmbeddedPort(dataDir);
  if ((await probePort(preferred, "127.0.0.1")) === "free") return preferred;
  let port: number | undefined;
  for (const candidate of NEARBY_PORTS) {
    if ((await probePort(candidate, "127.0.0.1")) === "free") {
      port = candidate;
      break;
    }
  }
  port ??= await freePort();
  rememberPort(dataDir, port);
  log(
    `port ${preferred} is taken by another program (another checkout's PostgreSQL?): this checkout's PostgreSQL uses port ${port}, remembered in ${rememberedPortFile(dataDir)} (EMBEDDED_PG_PORT sets another)`,
  );
  return port;
}
