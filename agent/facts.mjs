// What a server tells the console about itself at registration (SPEC §7): read from the
// machine, with overrides (config file or CLI) so tests and demos can fake distinct hosts.
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import { AGENT_VERSION } from "./protocol.mjs";

function readText(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** PRETTY_NAME (or NAME VERSION_ID) from os-release text; null when absent. */
export function parseOsRelease(text) {
  if (!text) return null;
  const fields = {};
  for (const line of text.split("\n")) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) fields[match[1]] = match[2].replace(/^(["'])(.*)\1$/, "$2");
  }
  return fields.PRETTY_NAME || [fields.NAME, fields.VERSION_ID].filter(Boolean).join(" ") || null;
}

/** External addresses first; loopback only when there is nothing else (the schema needs one). */
export function pickIps(interfaces = os.networkInterfaces()) {
  const all = Object.values(interfaces)
    .flat()
    .filter((a) => a && !a.address.toLowerCase().startsWith("fe80:"));
  const external = all.filter((a) => !a.internal).map((a) => a.address);
  const chosen = external.length > 0 ? external : all.map((a) => a.address);
  return [...new Set(chosen.length > 0 ? chosen : ["127.0.0.1"])].slice(0, 32);
}

function machineId() {
  const id = (readText("/etc/machine-id") ?? readText("/var/lib/dbus/machine-id") ?? "").trim();
  return id.length >= 8 ? id.slice(0, 128) : undefined;
}

/**
 * @param {{ hostname?: string, ips?: string[], osVersion?: string, type?: "host"|"container",
 *           cpuCores?: number, memoryMb?: number, machineId?: string }} [overrides]
 */
export function collectFacts(overrides = {}) {
  const container = existsSync("/.dockerenv") || existsSync("/run/.containerenv");
  const facts = {
    hostname: (overrides.hostname ?? os.hostname()).replace(/[^A-Za-z0-9_.-]/g, "-").slice(0, 255),
    // Only Linux and Windows servers exist for the console; anything else reports as Linux.
    os: process.platform === "win32" ? "windows" : "linux",
    osVersion: overrides.osVersion ?? parseOsRelease(readText("/etc/os-release")) ?? `${os.type()} ${os.release()}`,
    ips: overrides.ips?.length ? overrides.ips : pickIps(),
    type: overrides.type ?? (container ? "container" : "host"),
    cpuCores: overrides.cpuCores ?? os.cpus().length,
    memoryMb: overrides.memoryMb ?? Math.round(os.totalmem() / 1_048_576),
    agentVersion: AGENT_VERSION,
  };
  // A faked host must not share this machine's id, or "create image" commands (R19) would
  // take all fakes for one server.
  const id = overrides.machineId ?? (overrides.hostname ? undefined : machineId());
  return id ? { ...facts, machineId: id } : facts;
}
