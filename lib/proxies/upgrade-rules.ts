// R10: when Upgrade is unavailable, and why. One function, used by the panel's list (to disable
// the button with the reason) and by the upgrade operation (to refuse), so they always agree.
import type { AgentStatus, ProxyStatus } from "./status";

export type UpgradeBlock = "not_deployed" | "upgrading" | "already_latest" | "proxy_offline" | "agent_offline";

export function upgradeBlock(p: {
  status: ProxyStatus;
  agent: AgentStatus;
  version: string | null;
  latest: string | null;
}): UpgradeBlock | null {
  if (p.status === "deploying") return "not_deployed";
  if (p.status === "upgrading") return "upgrading";
  if (p.status === "stopping") return "proxy_offline";
  if (!p.latest || p.version === p.latest) return "already_latest";
  // The upgrade task travels in the proxy's heartbeat answer; the agent performs it. A manually
  // deployed proxy on a server without an agent performs it itself.
  if (p.agent === "offline") return "agent_offline";
  if (p.status !== "online") return "proxy_offline";
  return null;
}
