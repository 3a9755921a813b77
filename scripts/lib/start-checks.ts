// The start's cheap checks, made before PostgreSQL or a build starts, and how a failed start
// speaks: one line saying what to do, no stack trace.
import { probePort } from "../../lib/db/port";
import { StartupError } from "../../lib/db/startup-error";

/** The console's HTTP port (PORT, default 3000), refused early when another program holds it. */
export async function httpPort(): Promise<number> {
  const raw = process.env.PORT ?? "3000";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new StartupError(`PORT=${raw} is not a port number: set PORT to a free port, e.g. PORT=3001 npm start`);
  const state = await probePort(port);
  if (state === "in use")
    throw new StartupError(
      `port ${port} is already in use by another program: stop it, or set PORT to a free port, e.g. PORT=${port + 1} npm start`,
    );
  if (state === "not allowed")
    throw new StartupError(`port ${port} needs more privileges than this user has: set PORT to a port above 1023`);
  return port;
}

export function oneLine(error: unknown): string {
  if (error instanceof StartupError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `start failed: ${message.split("\n").find((line) => line.trim()) ?? "unknown error"}`;
}
