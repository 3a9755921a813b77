// GET /api/v1/install/{token}/windows.ps1 — the script behind the Windows install command (R19)
import { installTokenParamsSchema } from "@/lib/agent-protocol/token-params";
import { buildWindowsInstallScript } from "@/lib/agent-protocol/windows-script";
import { route } from "@/lib/http/route";
import { assertInstallTokenLive } from "@/lib/install-commands/redeem-install-token";
import { consoleUrlFor } from "@/lib/install-commands/command-text";

export const GET = route({ role: "public", params: installTokenParamsSchema }, async ({ params, request }) => {
  // A dead token fails the download (curl -f) before the script touches a working installation.
  await assertInstallTokenLive(params.token);
  const script = buildWindowsInstallScript({ consoleUrl: consoleUrlFor(request), token: params.token });
  return new Response(script, {
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });
});
