// GET /api/v1/proxy-releases — the proxy versions this console knows; the newest is the latest (R10)
import { route } from "@/lib/http/route";
import { listReleases } from "@/lib/proxies/releases";

export const GET = route({ role: "viewer" }, () => listReleases());
