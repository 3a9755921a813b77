// The benches' rule checks (issue 16) against one console — every route of app/api in this
// process, on the test database — all pass; and against a console that accepts everything, the
// checks say which rules did not hold.
import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishTestReleases } from "@/lib/testing/releases";
import { startApiServer } from "@/lib/testing/api-server";
import { apiToken } from "@/lib/testing/fixtures";
import { ensureAuthSecret } from "@/lib/testing/users";
import { runRuleChecks } from "./rule-checks";

let server: Awaited<ReturnType<typeof startApiServer>>;
beforeAll(async () => {
  ensureAuthSecret();
  await publishTestReleases();
  server = await startApiServer();
});
afterAll(() => server?.close());

describe("runRuleChecks", () => {
  it("passes every check against a console that enforces the rules", { timeout: 120_000 }, async () => {
    const result = await runRuleChecks(server.url, await apiToken("admin"));
    expect(result.failures).toEqual([]);
    expect(result.checks).toBeGreaterThanOrEqual(4);
    expect(result.passed).toBe(result.checks);
  });

  it("reports the rules a console that accepts everything breaks", async () => {
    const yes = createServer((req, res) => {
      res.writeHead(req.method === "POST" ? 201 : 200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: "x", token: "t", items: [], clientCount: 0, capacity: 0 }));
    });
    await new Promise<void>((resolve) => yes.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = yes.address() as { port: number };
      const result = await runRuleChecks(`http://127.0.0.1:${port}`, "pac_token");
      expect(result.passed).toBe(0);
      expect(result.failures).toHaveLength(result.checks);
      expect(result.failures[0]).toMatch(/^R2: .*expected 201, 409 NAME_TAKEN/);
    } finally {
      await new Promise((resolve) => yes.close(resolve));
    }
  });
});
