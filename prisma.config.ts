import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { defaultDatabaseUrl } from "./lib/db/url";

// The JS schema engine needs DATABASE_URL in the CLI's own process (ENVIRONMENT.md);
// without it the CLI falls back to the native engine and tries to download it.
process.env.DATABASE_URL ??= defaultDatabaseUrl();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    // Separate fields, not connectionString: the adapter overrides `database` for its shadow DB.
    const url = new URL(process.env.DATABASE_URL!);
    return new PrismaPg({
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: url.pathname.slice(1),
    });
  },
});
