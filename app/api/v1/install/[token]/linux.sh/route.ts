// GET /api/v1/install/{token}/linux.sh — the script behind the Linux install command (R19)
import { readAgentFile } from "@/lib/agent-protocol/agent-files";
import { buildInstallScript } from "@/lib/agent-protocol/install-script";
import { scriptUnlessRefused, shellScriptResponse } from "@/lib/agent-protocol/script-response";
import { installTokenParamsSchema } from "@/lib/agent-protocol/token-params";
import { route } from "@/lib/http/route";
import { assertInstallTokenLive, installReach } from "@/lib/install-commands/redeem-install-token";
import { consoleCa } from "@/lib/pki/console-ca";
import { consoleUrlFor } from "@/lib/install-commands/command-text";

export const GET = route(
  {
    role: "public",
    summary: "The script behind a Linux install command",
    description: "A token that can no longer register gets a script that says why and exits 1, changing nothing.",
    params: installTokenParamsSchema,
    media: { type: "text/x-shellscript", description: "A POSIX shell script." },
  },
  async ({ params, request }) => {
    // A dead token gets a script that says why and changes nothing (a rerun must not stop a working agent).
    return scriptUnlessRefused(
      "sh",
      () => assertInstallTokenLive(params.token),
      async () => {
        const body = await readAgentFile("install.sh");
        const reach = await installReach(params.token, consoleUrlFor(request));
        // Through a cluster, the agent gets the console CA to pin (issue 17).
        const ca = reach.cluster ? (await consoleCa()).certPem : null;
        const tls = reach.cluster?.requireTls ? { address: reach.cluster.address, port: reach.cluster.tlsPort } : null;
        return shellScriptResponse(
          buildInstallScript({ role: "agent", consoleUrl: reach.url, token: params.token, ca, tls }, body),
        );
      },
    );
  },
);
