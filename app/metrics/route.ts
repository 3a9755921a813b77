// GET /metrics — Prometheus text format (issue 14). Needs an API token (or a session); an
// address set by METRICS_LISTEN serves the same without one (lib/metrics/listen.ts).
import { route } from "@/lib/http/route";
import { exposition } from "@/lib/metrics/exposition";

export const dynamic = "force-dynamic";

export const GET = route({ role: "viewer" }, async () => {
  const { body, contentType } = await exposition();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
