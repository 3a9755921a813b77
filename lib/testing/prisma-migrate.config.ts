// Prisma CLI config for the integration setup only: prisma.config.ts with a pool that lets
// idle connections go at once. With pg's default 10 s idle timeout the CLI process lingers
// 10 s after `migrate deploy` has finished, which the test run would wait for.
import { PrismaPg } from "@prisma/adapter-pg";
import path from "node:path";
import { defineConfig } from "prisma/config";

const root = path.resolve(import.meta.dirname, "../..");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(root, "prisma/schema.prisma"),
  async adapter() {
    const url = new URL(process.env.DATABASE_URL!);
    return new PrismaPg({
      host: url.hostname,
      port: Number(url.port),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: url.pathname.slice(1),
      idleTimeoutMillis: 1,
    });
  },
});
