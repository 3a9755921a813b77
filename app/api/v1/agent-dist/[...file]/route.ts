// GET /api/v1/agent-dist/{file} — the agent program's files, for the install and deploy scripts
// (a file may sit in a folder of agent/, e.g. proxy/limiters.mjs)
import { z } from "zod";
import { isAgentDistFile } from "@/lib/agent-protocol/dist-files";
import { readDistFile, RELEASE_KEY_FILE, RELEASE_META_FILE } from "@/lib/releases/dist-file";
import { route } from "@/lib/http/route";
import { notFound } from "@/lib/http/errors";

const paramsSchema = z.strictObject({ file: z.array(z.string().max(64)).min(1).max(3) });

export const GET = route(
  {
    role: "public",
    summary: "A file of the agent program",
    description:
      "The install and deploy scripts download the agent program file by file (plain Node.js, no dependencies): the files of the latest release, its release.json, and release-key.pem (the public key that signs releases).",
    params: paramsSchema,
    media: {
      type: "text/javascript",
      also: ["application/json", "application/x-pem-file"],
      description: "The file's source; release.json is JSON, release-key.pem a PEM public key.",
    },
    errors: ["NOT_FOUND"],
  },
  async ({ params }) => {
    const name = params.file.join("/");
    if (!isAgentDistFile(name) && name !== RELEASE_KEY_FILE && name !== RELEASE_META_FILE) throw notFound("Agent file", name);
    const type = name.endsWith(".mjs")
      ? "text/javascript"
      : name.endsWith(".json")
        ? "application/json"
        : "application/x-pem-file";
    return new Response(await readDistFile(name), {
      headers: { "content-type": `${type}; charset=utf-8`, "cache-control": "no-cache" },
    });
  },
);
