// GET /api/v1/tags?region= — asset tags of a region
import { z } from "zod";
import { listTags } from "@/lib/assets/groups-and-tags";
import { route } from "@/lib/http/route";

export const GET = route({ role: "viewer", query: z.strictObject({ region: z.enum(["cn", "intl"]) }) }, ({ query }) =>
  listTags(query.region),
);
