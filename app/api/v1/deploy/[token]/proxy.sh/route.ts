// GET /api/v1/deploy/{token}/proxy.sh — the script behind the manual deploy command (R5)
import { readAgentFile } from "@/lib/agent-protocol/agent-files";
import { buildInstallScript } from "@/lib/agent-protocol/install-script";
import { scriptUnlessRefused, shellScriptResponse } from "@/lib/agent-protocol/script-response";
import { deployTokenParamsSchema } from "@/lib/agent-protocol/token-params";
import { route } from "@/lib/http/route";
import { assertDeployTokenLive } from "@/lib/proxies/register-proxy";
import { consoleUrlFor } from "@/lib/install-commands/command-text";
import { latestRelease } from "@/lib/releases/catalog";

export const GET = route(
  {
    role: "public",
    summary: "The script behind a manual deploy command",
    description: "A token that can no longer register gets a script that says why and exits 1, changing nothing.",
    params: deployTokenParamsSchema,
    media: { type: "text/x-shellscript", description: "A POSIX shell script." },
  },
  async ({ params, request }) => {
    // A dead token gets a script that says why and changes nothing (a rerun must not stop a working proxy).
    return scriptUnlessRefused(
      "sh",
      () => assertDeployTokenLive(params.token),
      async () => {
        const [body, latest] = await Promise.all([readAgentFile("install.sh"), latestRelease()]);
        const base = consoleUrlFor(request);
        return shellScriptResponse(
          buildInstallScript({ role: "proxy", consoleUrl: base, token: params.token, proxyVersion: latest?.version }, body),
        );
      },
    );
  },
);
