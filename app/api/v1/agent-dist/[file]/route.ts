// GET /api/v1/agent-dist/{file} — the agent program's files, for the install and deploy scripts
import { z } from "zod";
import { readAgentFile } from "@/lib/agent-protocol/agent-files";
import { isAgentDistFile } from "@/lib/agent-protocol/dist-files";
import { route } from "@/lib/http/route";
import { notFound } from "@/lib/http/errors";

const paramsSchema = z.strictObject({ file: z.string().max(64) });

export const GET = route({ role: "public", params: paramsSchema }, async ({ params }) => {
  if (!isAgentDistFile(params.file)) throw notFound("Agent file", params.file);
  return new Response(await readAgentFile(params.file), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" },
  });
});
