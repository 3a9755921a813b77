// The console URL written into install and deploy commands and into the served scripts: one rule
// for every route, so a command and the script it downloads name the same console.
import { afterEach, describe, expect, it, vi } from "vitest";
import { consoleUrlFor, deployCommandText, installCommandText, rootShellForm, uninstallCommandText } from "./command-text";

const request = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

describe("consoleUrlFor", () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each<[string, Request, string]>([
    ["the address the request came to", request("http://10.0.0.5:3000/api/v1/install/x/linux.sh"), "http://10.0.0.5:3000"],
    [
      "the browser's origin, for the operator's own requests",
      request("http://127.0.0.1:3000/api/v1/install-commands", { origin: "https://console.example" }),
      "https://console.example",
    ],
    [
      "what a TLS-terminating proxy forwards, for curl (no Origin)",
      request("http://127.0.0.1:3000/api/v1/install/x/linux.sh", {
        "x-forwarded-proto": "https",
        "x-forwarded-host": "console.example",
      }),
      "https://console.example",
    ],
  ])("without PUBLIC_URL: %s", (_name, req, expected) => {
    vi.stubEnv("PUBLIC_URL", undefined);
    expect(consoleUrlFor(req)).toBe(expected);
  });

  it("PUBLIC_URL wins, without its trailing slash", () => {
    vi.stubEnv("PUBLIC_URL", "https://pac.example.com/");
    expect(consoleUrlFor(request("http://127.0.0.1:3000/x", { origin: "http://other" }))).toBe("https://pac.example.com");
  });
});

// Issue 13: every sudo command also works in a root shell on a host without sudo.
describe("rootShellForm", () => {
  it.each([
    ["curl -fsSL https://c/api/v1/install/t/linux.sh | sudo bash", "curl -fsSL https://c/api/v1/install/t/linux.sh | bash"],
    ["curl -fsSL u | sudo env AEGIS_ROOT=/srv/aegis bash", "curl -fsSL u | AEGIS_ROOT=/srv/aegis bash"],
    ["sudo systemctl stop aegis-proxy || sudo pkill -f aegis-proxy", "systemctl stop aegis-proxy || pkill -f aegis-proxy"],
    ["sudo sh -c 'kill $(cat /opt/aegis-proxy/proxy.pid)'", "sh -c 'kill $(cat /opt/aegis-proxy/proxy.pid)'"],
    ["a;sudo b", "a;b"],
    // Not the word sudo: left alone.
    ["echo pseudo sudoers", "echo pseudo sudoers"],
  ])("%s → %s", (sudo, root) => {
    expect(rootShellForm(sudo)).toBe(root);
  });

  it("leaves no sudo in any command the console hands out", () => {
    const commands = [
      installCommandText("https://c", "tok", "linux"),
      deployCommandText("https://c", "tok"),
      uninstallCommandText("linux"),
    ];
    for (const command of commands) {
      expect(command).toMatch(/\bsudo\b/);
      expect(rootShellForm(command)).not.toMatch(/\bsudo\b/);
    }
  });
});
