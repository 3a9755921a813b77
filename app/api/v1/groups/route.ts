// GET /api/v1/groups?region= — asset groups of a region
import { z } from "zod";
import { listGroups } from "@/lib/assets/groups-and-tags";
import { groupListSchema } from "@/lib/assets/responses";
import { route } from "@/lib/http/route";

export const GET = route(
  {
    role: "viewer",
    summary: "The asset groups of a region",
    query: z.strictObject({ region: z.enum(["cn", "intl"]) }),
    response: groupListSchema,
  },
  ({ query }) => listGroups(query.region),
);
