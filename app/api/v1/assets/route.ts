// GET /api/v1/assets?region=... — the asset inventory, with the cluster each asset is connected to
import { listAssets } from "@/lib/assets/list-assets";
import { listAssetsQuerySchema } from "@/lib/assets/schemas";
import { route } from "@/lib/http/route";

export const GET = route({ role: "viewer", query: listAssetsQuerySchema }, ({ query }) => listAssets(query));
