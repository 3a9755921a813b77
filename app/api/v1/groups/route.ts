// GET /api/v1/groups?region= — asset groups of a region
import { z } from "zod";
import { listGroups } from "@/lib/assets/groups-and-tags";
import { route } from "@/lib/http/route";

export const GET = route({ role: "viewer", query: z.strictObject({ region: z.enum(["cn", "intl"]) }) }, ({ query }) =>
  listGroups(query.region),
);
