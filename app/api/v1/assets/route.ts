// GET /api/v1/assets?region=... — the asset inventory, with the cluster each asset is connected to
import { listAssets } from "@/lib/assets/list-assets";
import { assetPageSchema } from "@/lib/assets/responses";
import { listAssetsQuerySchema } from "@/lib/assets/schemas";
import { route } from "@/lib/http/route";

export const GET = route(
  {
    role: "viewer",
    summary: "The asset inventory of a region",
    description: "Keyset-paginated: pass the answer's nextCursor as cursor. Filters of several values take them comma-separated.",
    query: listAssetsQuerySchema,
    response: assetPageSchema,
  },
  ({ query }) => listAssets(query),
);
