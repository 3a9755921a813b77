// The agent program's files (agent/*.mjs) that the console serves to servers as they are
// (GET /api/v1/agent-dist/{file}) and that the install and deploy scripts download.
export const AGENT_DIST_FILES = [
  "pac-agent.mjs",
  "protocol.mjs",
  "agent-loop.mjs",
  "proxy-loop.mjs",
  "facts.mjs",
  "config-file.mjs",
  "log.mjs",
  "registration.mjs",
  "tls-fetch.mjs",
  "client/collectors.mjs",
  "client/data-sender.mjs",
  "client/endpoints.mjs",
  "client/route.mjs",
  "client/run-agent.mjs",
  "proxy/cache-segments.mjs",
  "proxy/client-table.mjs",
  "proxy/data-pipe.mjs",
  "proxy/disk-queue.mjs",
  "proxy/limiters.mjs",
  "proxy/listener.mjs",
  "proxy/metrics.mjs",
  "proxy/relay.mjs",
  "proxy/run-proxy.mjs",
  "proxy/tls-listener.mjs",
  "launcher.mjs",
  "release/layout.mjs",
  "release/package.mjs",
  "release/stage.mjs",
  "release/upgrader.mjs",
] as const;

export type AgentDistFile = (typeof AGENT_DIST_FILES)[number];

export function isAgentDistFile(name: string): name is AgentDistFile {
  return (AGENT_DIST_FILES as readonly string[]).includes(name);
}
