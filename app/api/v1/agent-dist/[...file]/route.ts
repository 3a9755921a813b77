// GET /api/v1/agent-dist/{file} — the agent program's files, for the install and deploy scripts
// (a file may sit in a folder of agent/, e.g. proxy/limiters.mjs)
import { z } from "zod";
import { readAgentFile } from "@/lib/agent-protocol/agent-files";
import { isAgentDistFile } from "@/lib/agent-protocol/dist-files";
import { route } from "@/lib/http/route";
import { notFound } from "@/lib/http/errors";

const paramsSchema = z.strictObject({ file: z.array(z.string().max(64)).min(1).max(3) });

export const GET = route({ role: "public", params: paramsSchema }, async ({ params }) => {
  const name = params.file.join("/");
  if (!isAgentDistFile(name)) throw notFound("Agent file", name);
  return new Response(await readAgentFile(name), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" },
  });
});
