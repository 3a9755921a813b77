// GET /api/v1/openapi.json — the OpenAPI 3.1 contract of this API, generated from the routes'
// own schemas (lib/openapi). Any signed-in user or API token may read it: it shows the console's
// API, not its data.
import { z } from "zod";
import { route } from "@/lib/http/route";
import { openApiDocument } from "@/lib/openapi/document";

const documentSchema = z.looseObject({
  openapi: z.string().describe("3.1.1"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.looseObject({}),
});

export const GET = route(
  {
    role: "viewer",
    summary: "This document: the OpenAPI 3.1 contract of the API",
    description: "Generated from the same zod schemas the routes and forms use.",
    response: documentSchema,
  },
  async () => (await openApiDocument()).document,
);
