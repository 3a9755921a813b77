// Packages an agent/ folder (the files the install scripts serve, AGENT_DIST_FILES) as a release
// of `version` (issue 17): the bytes, their SHA-256 and the signature binding version to digest.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { packRelease, sha256Hex } from "@/agent/release/package.mjs";
import { AGENT_DIST_FILES } from "@/lib/agent-protocol/dist-files";
import { signRelease } from "./signing-key";

export type BuiltRelease = { version: string; package: Buffer; digest: string; signature: string; size: number };

export function defaultAgentDir(): string {
  return path.join(process.cwd(), "agent");
}

export async function buildRelease(version: string, agentDir = defaultAgentDir()): Promise<BuiltRelease> {
  const files = await Promise.all(
    AGENT_DIST_FILES.map(async (file) => {
      const full = path.join(agentDir, file);
      const [content, info] = await Promise.all([readFile(full), stat(full)]);
      return { path: file, mode: info.mode & 0o111 ? 0o755 : 0o644, content };
    }),
  );
  const bytes = packRelease({ version, files });
  const digest = sha256Hex(bytes);
  return { version, package: bytes, digest, signature: signRelease(version, digest), size: bytes.length };
}
