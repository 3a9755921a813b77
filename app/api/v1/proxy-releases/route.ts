// GET /api/v1/proxy-releases — the proxy versions this console knows; the newest is the latest (R10)
import { route } from "@/lib/http/route";
import { listReleases } from "@/lib/releases/catalog";
import { releaseListSchema } from "@/lib/proxies/responses";

export const GET = route(
  { role: "viewer", summary: "The proxy releases this console knows, newest first", response: releaseListSchema },
  () => listReleases(),
);
