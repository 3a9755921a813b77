// GET /api/v1/assets/count?region=... — how many assets the inventory's filter matches: exact up
// to a cap, then the planner's estimate marked as one (a request of its own, so the rows never wait)
import { countAssets } from "@/lib/assets/list-assets";
import { listTotalSchema } from "@/lib/assets/responses";
import { listAssetsQuerySchema } from "@/lib/assets/schemas";
import { route } from "@/lib/http/route";

export const GET = route(
  {
    role: "viewer",
    summary: "How many assets the inventory's filter matches",
    description: "Takes the list's filters (cursor, limit and order are ignored). Exact up to 10,000, then an estimate.",
    query: listAssetsQuerySchema,
    response: listTotalSchema,
  },
  ({ query }) => countAssets(query),
);
