// Command line of `npm run simulate` (scripts/simulate.ts).
import { parseArgs } from "node:util";
import { z } from "zod";

export const USAGE = `usage: npm run simulate -- --url URL --token pac_... --region cn|intl --clusters NAME[,NAME] --agents N --proxies M
         [--interval S] [--duration S] [--concurrency C] [--prefix sim] [--summary-every S]
       npm run simulate -- --demo --url URL      heartbeat the demo data's agents and proxies (uses DATABASE_URL)
  --interval S     heartbeat every S seconds instead of the interval the console answers with
  --duration S     stop S seconds after setup (default: run until Ctrl-C)
  --concurrency C  requests in flight at once across the fleet (default 64; demo 16)
  --prefix P       host names P-<region>-<n> and P-<region>-proxy-<n> (default sim)`;

const count = z.coerce.number().int().min(0).max(200_000);
const seconds = z.coerce.number().positive().max(86_400);

const fleetSchema = z.object({
  demo: z.literal(false),
  url: z.url(),
  token: z.string().regex(/^pac_\S+$/, "an operator API token (pac_...)"),
  region: z.enum(["cn", "intl"]),
  clusters: z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "lower-case letters, digits and dashes")).min(1)),
  agents: count,
  proxies: count,
  interval: seconds.optional(),
  duration: seconds.optional(),
  concurrency: z.coerce.number().int().min(1).max(1000).default(64),
  prefix: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,20}$/)
    .default("sim"),
  summaryEvery: seconds.default(10),
});

const demoSchema = z.object({
  demo: z.literal(true),
  url: z.url(),
  interval: seconds.optional(),
  duration: seconds.optional(),
  concurrency: z.coerce.number().int().min(1).max(1000).default(16),
  summaryEvery: seconds.default(60),
});

export const optionsSchema = z.discriminatedUnion("demo", [fleetSchema, demoSchema]);
export type SimOptions = z.output<typeof optionsSchema>;
export type FleetSimOptions = z.output<typeof fleetSchema>;
export type DemoSimOptions = z.output<typeof demoSchema>;

export function parseSimOptions(argv: string[]): SimOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      demo: { type: "boolean", default: false },
      url: { type: "string" },
      token: { type: "string" },
      region: { type: "string" },
      clusters: { type: "string" },
      agents: { type: "string", default: "0" },
      proxies: { type: "string", default: "0" },
      interval: { type: "string" },
      duration: { type: "string" },
      concurrency: { type: "string" },
      prefix: { type: "string" },
      "summary-every": { type: "string" },
    },
  });
  const { "summary-every": summaryEvery, ...rest } = values;
  const parsed = optionsSchema.safeParse({ ...rest, summaryEvery });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `--${i.path.join(".") || "options"}: ${i.message}`).join("\n  ");
    throw new Error(`${problems}\n${USAGE}`);
  }
  return parsed.data;
}
