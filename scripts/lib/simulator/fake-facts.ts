// Distinct, stable fake servers for the simulator: the same n gives the same host on every
// run (so a rerun updates the same assets), agents and proxies never collide.
import { AGENT_VERSION, type AssetFacts } from "../../../agent/protocol.mjs";

const LINUX = ["Ubuntu 22.04", "Ubuntu 24.04", "Debian 12", "Rocky Linux 9", "Alibaba Cloud Linux 3"];

/** 100.64.0.0/10 (shared address space): cn in 100.64–95, intl in 100.96–127; proxies at the top. */
function fakeIp(region: string, kind: "agent" | "proxy", n: number): string {
  const base = (region === "intl" ? 96 : 64) * 65_536 + (kind === "proxy" ? 31 * 65_536 : 0) + n;
  return `100.${Math.floor(base / 65_536)}.${Math.floor(base / 256) % 256}.${base % 256}`;
}

export function fakeFacts(region: string, kind: "agent" | "proxy", n: number, prefix = "sim"): AssetFacts {
  const cores = kind === "proxy" ? 8 : [2, 4, 8, 16][n % 4]!;
  return {
    hostname: kind === "proxy" ? `${prefix}-${region}-proxy-${n}` : `${prefix}-${region}-${n}`,
    os: "linux",
    osVersion: LINUX[n % LINUX.length]!,
    ips: [fakeIp(region, kind, n)],
    type: "host",
    cpuCores: cores,
    memoryMb: cores * 2048,
    agentVersion: AGENT_VERSION,
  };
}
