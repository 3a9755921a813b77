// An isolated data center on this machine: a network namespace holding a client server, joined to
// the host by a veth pair. Inside it, 127.0.0.1 is its own and only the host end of the veth can be
// reached; the console, listening on the host's 127.0.0.1 only (HOST), cannot be reached at all.
// Needs root and iproute2 (`ip netns`).
import { execFileSync, spawnSync } from "node:child_process";

export type Namespace = {
  name: string;
  /** The host end of the veth: where the proxy listens for the isolated servers. */
  hostAddress: string;
  /** Runs a bash command inside the namespace, with the given environment. */
  run: (command: string, env?: Record<string, string>, timeoutMs?: number) => { status: number | null; output: string };
  remove: () => void;
};

/** Why the journey cannot run here, or null: it needs root and `ip netns`. */
export function netnsUnavailable(): string | null {
  if (process.getuid?.() !== 0) return "the isolated-network journey needs root (it creates a network namespace)";
  if (spawnSync("ip", ["netns", "list"]).status !== 0)
    return "the isolated-network journey needs iproute2: apt-get install -y iproute2";
  return null;
}

const ip = (...args: string[]) => execFileSync("ip", args, { stdio: ["ignore", "ignore", "pipe"] });

/** `subnet` is the third octet of 10.231.<subnet>.0/30, one per concurrent journey. */
export function createNamespace(name: string, subnet: number): Namespace {
  const veth = `v${name}`.slice(0, 15);
  removeNamespace(name, veth);
  const hostAddress = `10.231.${subnet}.1`;
  ip("netns", "add", name);
  ip("link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", name);
  ip("addr", "add", `${hostAddress}/30`, "dev", veth);
  ip("link", "set", veth, "up");
  ip("netns", "exec", name, "ip", "addr", "add", `10.231.${subnet}.2/30`, "dev", "eth0");
  ip("netns", "exec", name, "ip", "link", "set", "eth0", "up");
  ip("netns", "exec", name, "ip", "link", "set", "lo", "up");
  return {
    name,
    hostAddress,
    run(command, env = {}, timeoutMs = 120_000) {
      const result = spawnSync("ip", ["netns", "exec", name, "bash", "-c", command], {
        env: { ...process.env, ...env },
        encoding: "utf8",
        timeout: timeoutMs,
      });
      return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
    },
    remove: () => removeNamespace(name, veth),
  };
}

function removeNamespace(name: string, veth: string) {
  const pids = spawnSync("ip", ["netns", "pids", name], { encoding: "utf8" }).stdout ?? "";
  for (const pid of pids.split(/\s+/).filter(Boolean)) {
    try {
      process.kill(Number(pid), "SIGKILL");
    } catch {
      // gone
    }
  }
  spawnSync("ip", ["netns", "del", name]);
  spawnSync("ip", ["link", "del", veth]);
}
