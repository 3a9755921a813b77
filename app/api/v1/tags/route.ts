// GET /api/v1/tags?region= — asset tags of a region
import { z } from "zod";
import { listTags } from "@/lib/assets/groups-and-tags";
import { tagListSchema } from "@/lib/assets/responses";
import { route } from "@/lib/http/route";

export const GET = route(
  {
    role: "viewer",
    summary: "The asset tags of a region",
    query: z.strictObject({ region: z.enum(["cn", "intl"]) }),
    response: tagListSchema,
  },
  ({ query }) => listTags(query.region),
);
