// Issue 11, point 4: below the Node.js version in package.json's engines, `npm start` says which
// version is needed and how to get it, before anything else runs.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";

const { satisfies } = createRequire(import.meta.url)("./check-node.cjs") as {
  satisfies: (version: string, range: string) => boolean;
};

describe("check-node", () => {
  it.each([
    ["20.19.0", true],
    ["v20.19.0", true],
    ["20.20.2", true],
    ["22.1.0", true],
    ["20.18.3", false],
    ["18.20.4", false],
    ["v16.0.0", false],
  ])("Node.js %s meets >=20.19: %s", (version, expected) => {
    expect(satisfies(version, ">=20.19")).toBe(expected);
  });

  it("stops `npm start` with one line on an old Node.js", { timeout: 30_000 }, async () => {
    // Were the check missing, the start would fail fast on this busy PORT instead of running on.
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const { port } = busy.address() as { port: number };
    try {
      const npm = spawnSync("npm", ["start", "--silent"], {
        env: { ...process.env, PAC_NODE_VERSION_FOR_TEST: "18.20.4", PORT: String(port), DATA_DIR: "/nonexistent/pac" },
        encoding: "utf8",
      });
      expect(npm.status).not.toBe(0);
      expect(npm.stdout).toBe("");
      expect(npm.stderr.trim()).toBe(
        "[console] Node.js 20.19 or newer is needed, this is 18.20.4: install the current LTS from https://nodejs.org (or `nvm install --lts`), then run npm start again",
      );
    } finally {
      busy.close();
    }
  });
});
