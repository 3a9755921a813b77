// Reads the agent program's files from the repository's agent/ folder, which ships with the
// console; only names from the allow-list (or the script body) can be asked for.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AgentDistFile } from "./dist-files";

export function readAgentFile(name: AgentDistFile | "install.sh"): Promise<string> {
  return readFile(path.join(process.cwd(), "agent", name), "utf8");
}
