// GET /api/v1/install/{token}/linux.sh — the script behind the Linux install command (R19)
import { readAgentFile } from "@/lib/agent-protocol/agent-files";
import { buildInstallScript } from "@/lib/agent-protocol/install-script";
import { shellScriptResponse } from "@/lib/agent-protocol/script-response";
import { installTokenParamsSchema } from "@/lib/agent-protocol/token-params";
import { route } from "@/lib/http/route";
import { assertInstallTokenLive } from "@/lib/install-commands/redeem-install-token";
import { consoleUrlFor } from "@/lib/install-commands/command-text";

export const GET = route({ role: "public", params: installTokenParamsSchema }, async ({ params, request }) => {
  // A dead token fails the download (curl -f) before the script touches a working installation.
  await assertInstallTokenLive(params.token);
  const body = await readAgentFile("install.sh");
  const base = consoleUrlFor(request);
  return shellScriptResponse(buildInstallScript({ role: "agent", consoleUrl: base, token: params.token }, body));
});
