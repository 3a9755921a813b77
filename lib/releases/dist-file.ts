// What GET /api/v1/agent-dist/{file} serves (issue 17): the files of the latest published release,
// so a new install runs exactly a signed release and reports its version (release.json); and
// release-key.pem, the public half of the signing key that the install pins. A file the release
// lacks (a console newer than its releases) comes from the bundled agent/.
import { unpackRelease } from "@/agent/release/package.mjs";
import { DEFAULT_PROXY_VERSION } from "@/agent/protocol.mjs";
import { readAgentFile } from "@/lib/agent-protocol/agent-files";
import type { AgentDistFile } from "@/lib/agent-protocol/dist-files";
import { latestRelease, releasePackage } from "./catalog";
import { releasePublicKeyPem } from "./signing-key";

export const RELEASE_KEY_FILE = "release-key.pem";
export const RELEASE_META_FILE = "release.json";

let unpacked: { version: string; digest: string; files: Map<string, Buffer> } | null = null;

async function latestFiles() {
  const latest = await latestRelease();
  if (!latest) return null;
  if (unpacked?.version !== latest.version || unpacked.digest !== latest.digest) {
    const release = await releasePackage(latest.version);
    if (!release) return null;
    const { files } = unpackRelease(release.package, release.version);
    unpacked = { version: release.version, digest: release.digest, files: new Map(files.map((f) => [f.path, f.content])) };
  }
  return unpacked;
}

export async function readDistFile(name: AgentDistFile | typeof RELEASE_KEY_FILE | typeof RELEASE_META_FILE): Promise<string> {
  if (name === RELEASE_KEY_FILE) return releasePublicKeyPem();
  const release = await latestFiles();
  const content = release?.files.get(name);
  if (content) return content.toString("utf8");
  if (name === RELEASE_META_FILE) return JSON.stringify({ version: DEFAULT_PROXY_VERSION }) + "\n";
  return readAgentFile(name);
}
