// The served install/deploy scripts: valid bash, values quoted, every agent file downloaded.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AGENT_DIST_FILES, isAgentDistFile } from "./dist-files";
import { buildInstallScript, shellQuote } from "./install-script";
import { deployTokenParamsSchema, installTokenParamsSchema } from "./token-params";

const body = readFileSync(path.join(import.meta.dirname, "../../agent/install.sh"), "utf8");
const token = "pdp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";

describe("buildInstallScript", () => {
  it.each(["proxy", "agent"] as const)("produces a %s script that bash parses", (role) => {
    const script = buildInstallScript({ role, consoleUrl: "http://console.example:3000", token, proxyVersion: "1.5.0" }, body);
    expect(script.startsWith("#!/usr/bin/env bash\n")).toBe(true);
    expect(script).toContain("set -euo pipefail");
    expect(script).toContain(`TOKEN='${token}'`);
    expect(script).toContain(`UNIT=aegis-${role}`);
    expect(script).toContain(`FILES=(${[...AGENT_DIST_FILES, "release.json"].join(" ")})`);
    execFileSync("bash", ["-n"], { input: script });
  });

  it("a proxy listens where the cluster's install commands point (PROXY_PORT), unless AEGIS_PROXY_LISTEN says otherwise", () => {
    const proxy = buildInstallScript({ role: "proxy", consoleUrl: "http://c", token }, body);
    const header = proxy.slice(0, proxy.indexOf("say()"));
    const listen = (env: Record<string, string>) =>
      execFileSync("bash", ["-c", `${header.replace("set -euo pipefail", "")}\necho "$AEGIS_PROXY_LISTEN"`], {
        env: { ...process.env, AEGIS_PROXY_LISTEN: "", ...env },
        encoding: "utf8",
      }).trim();
    expect(listen({})).toBe("0.0.0.0:8080"); // an empty AEGIS_PROXY_LISTEN counts as unset
    expect(listen({ AEGIS_PROXY_LISTEN: "10.0.0.5:9000" })).toBe("10.0.0.5:9000");
    expect(buildInstallScript({ role: "agent", consoleUrl: "http://c", token }, body)).not.toContain("AEGIS_PROXY_LISTEN=");
  });

  it("single-quotes values so nothing in them is expanded", () => {
    expect(shellQuote("a'b $(x)")).toBe(`'a'\\''b $(x)'`);
    const script = buildInstallScript({ role: "agent", consoleUrl: "http://x/$(id)'", token }, body);
    expect(script).toContain(`CONSOLE_URL='http://x/$(id)'\\'''`);
    execFileSync("bash", ["-n"], { input: script });
  });
});

describe("token shapes and the file allow-list", () => {
  it("accepts the token kinds of lib/crypto/tokens.ts only for their own script", () => {
    expect(deployTokenParamsSchema.safeParse({ token }).success).toBe(true);
    expect(installTokenParamsSchema.safeParse({ token }).success).toBe(false);
    expect(deployTokenParamsSchema.safeParse({ token: "pdp_short" }).success).toBe(false);
    expect(deployTokenParamsSchema.safeParse({ token: `${token}';rm` }).success).toBe(false);
  });

  it("serves only the agent program's files", () => {
    expect(isAgentDistFile("protocol.mjs")).toBe(true);
    expect(isAgentDistFile("../package.json")).toBe(false);
    expect(isAgentDistFile("install.sh")).toBe(false);
  });
});
