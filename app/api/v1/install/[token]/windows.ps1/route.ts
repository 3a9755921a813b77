// GET /api/v1/install/{token}/windows.ps1 — the script behind the Windows install command (R19)
import { powershellScriptResponse, scriptUnlessRefused } from "@/lib/agent-protocol/script-response";
import { installTokenParamsSchema } from "@/lib/agent-protocol/token-params";
import { buildWindowsInstallScript } from "@/lib/agent-protocol/windows-script";
import { route } from "@/lib/http/route";
import { consoleUrlFor } from "@/lib/install-commands/command-text";
import { assertInstallTokenLive, installBaseUrl } from "@/lib/install-commands/redeem-install-token";

export const GET = route(
  {
    role: "public",
    summary: "The script behind a Windows install command",
    description: "A token that can no longer register gets a script that says why and exits 1, changing nothing.",
    params: installTokenParamsSchema,
    media: { type: "text/plain", description: "A PowerShell script." },
  },
  async ({ params, request }) =>
    // A dead token gets a script that says why and changes nothing (a rerun must not stop a working agent).
    scriptUnlessRefused(
      "ps1",
      () => assertInstallTokenLive(params.token),
      async () =>
        powershellScriptResponse(
          buildWindowsInstallScript({
            consoleUrl: await installBaseUrl(params.token, consoleUrlFor(request)),
            token: params.token,
          }),
        ),
    ),
);
