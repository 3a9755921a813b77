// Runs a console-generated Linux install command for real, as an operator would paste it, but
// into a temporary root (AEGIS_ROOT: no root needed, nohup instead of systemd) with host facts
// of its own; and stops the agent it started (pid file in that root).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type InstalledAgent = { root: string; hostname: string; status: number | null; output: string };

/**
 * `curl -fsSL <url> | sudo bash` → `curl -fsSL <url> | bash` with AEGIS_ROOT and the facts. Not
 * blocking: the stand-in proxy the command goes through runs in this very process.
 */
export async function runInstallCommand(command: string, hostname: string, ip: string): Promise<InstalledAgent> {
  if (!/^curl -fsSL \S+\/linux\.sh \| sudo bash$/.test(command)) throw new Error(`not a Linux install command: ${command}`);
  const root = mkdtempSync(path.join(tmpdir(), "pac-e2e-agent-"));
  const child = spawn("bash", ["-c", command.replace(/\| sudo bash$/, "| bash")], {
    env: { ...process.env, AEGIS_ROOT: root, AEGIS_HOSTNAME: hostname, AEGIS_IPS: ip, AEGIS_NO_SYSTEMD: "1" },
    timeout: 60_000,
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const status = await new Promise<number | null>((resolve) => child.once("close", resolve));
  return { root, hostname, status, output };
}

/** What the agent has logged so far (JSON lines), e.g. why the console refused it. */
export function agentLog(agent: InstalledAgent): string {
  try {
    return readFileSync(path.join(agent.root, "log", "agent.log"), "utf8");
  } catch {
    return "";
  }
}

/** Ends the agent the script started in the background and removes its root. */
export function stopInstalledAgent(agent: InstalledAgent) {
  try {
    const pid = Number(readFileSync(path.join(agent.root, "agent.pid"), "utf8").trim());
    if (pid > 0) process.kill(pid, "SIGTERM");
  } catch {
    // No pid file (the script failed before starting it) or the process is already gone.
  }
  rmSync(agent.root, { recursive: true, force: true });
}

/**
 * A console-generated command (install or deploy) run for real with `sudo` dropped and the given
 * settings (AEGIS_ROOT, facts, listen addresses); resolves with its exit code and output.
 */
export function runCommand(command: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("bash", ["-c", command.replace(/\| sudo bash$/, "| bash")], { env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}
