// GET /api/v1/install/{token}/linux.sh — the script behind the Linux install command (R19)
import { readAgentFile } from "@/lib/agent-protocol/agent-files";
import { buildInstallScript } from "@/lib/agent-protocol/install-script";
import { scriptUnlessRefused, shellScriptResponse } from "@/lib/agent-protocol/script-response";
import { installTokenParamsSchema } from "@/lib/agent-protocol/token-params";
import { route } from "@/lib/http/route";
import { assertInstallTokenLive, installBaseUrl } from "@/lib/install-commands/redeem-install-token";
import { consoleUrlFor } from "@/lib/install-commands/command-text";

export const GET = route({ role: "public", params: installTokenParamsSchema }, async ({ params, request }) => {
  // A dead token gets a script that says why and changes nothing (a rerun must not stop a working agent).
  return scriptUnlessRefused(
    "sh",
    () => assertInstallTokenLive(params.token),
    async () => {
      const body = await readAgentFile("install.sh");
      return shellScriptResponse(
        buildInstallScript(
          { role: "agent", consoleUrl: await installBaseUrl(params.token, consoleUrlFor(request)), token: params.token },
          body,
        ),
      );
    },
  );
});
