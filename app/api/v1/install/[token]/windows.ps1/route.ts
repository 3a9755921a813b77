// GET /api/v1/install/{token}/windows.ps1 — the script behind the Windows install command (R19)
import { installTokenParamsSchema } from "@/lib/agent-protocol/token-params";
import { buildWindowsInstallScript } from "@/lib/agent-protocol/windows-script";
import { route } from "@/lib/http/route";
import { consoleUrl } from "@/lib/install-commands/command-text";

export const GET = route({ role: "public", params: installTokenParamsSchema }, async ({ params, request }) => {
  const script = buildWindowsInstallScript({ consoleUrl: consoleUrl(new URL(request.url).origin), token: params.token });
  return new Response(script, {
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });
});
