// zod → JSON Schema 2020-12 (the dialect of OpenAPI 3.1) with zod 4's own z.toJSONSchema: what a
// route takes as "input" (before defaults and transforms), what it answers as "output". Schemas
// named with .meta({ id }) become shared components; a name is given to one shape only.
import { z } from "zod";

export type JsonSchema = Record<string, unknown>;
type Io = "input" | "output";

const COMPONENTS = "#/components/schemas/";

/** What JSON carries for the types JSON Schema has no word for. */
function override(ctx: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }) {
  const def = ctx.zodSchema._zod.def;
  // A Date is sent as its ISO string; query and body dates are taken as one.
  if (def.type === "date") Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
  // zod writes the safe-integer range as the bounds of every integer: not a limit of the API, and
  // renderers show it as the example value.
  if (ctx.jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete ctx.jsonSchema.minimum;
  if (ctx.jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete ctx.jsonSchema.maximum;
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== "object") return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === "$ref" && typeof value === "string" ? value.replace(/^#\/\$defs\//, COMPONENTS) : rewriteRefs(value);
  }
  return out;
}

/** Collects the named schemas of every conversion into one components.schemas. */
export class SchemaConverter {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: Io): JsonSchema {
    const raw = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any", override }) as JsonSchema;
    // The dialect is the document's (OpenAPI 3.1 is JSON Schema 2020-12): no $schema per schema.
    const { $defs, ...rest } = raw as JsonSchema & { $defs?: Record<string, JsonSchema> };
    delete rest.$schema;
    // A named schema, at the top or inside, comes back in $defs with a $ref to it.
    for (const [name, def] of Object.entries($defs ?? {})) this.share(name, rewriteRefs(def) as JsonSchema);
    return rewriteRefs(rest) as JsonSchema;
  }

  private share(name: string, schema: JsonSchema) {
    const known = this.components[name];
    if (known && JSON.stringify(known) !== JSON.stringify(schema)) {
      throw new Error(`Two different schemas are named ${name}: give one of them another id.`);
    }
    this.components[name] = schema;
  }
}
