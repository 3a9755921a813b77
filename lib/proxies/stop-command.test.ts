// Issue 13: the stop command fits how the proxy runs, as it reported at registration.
import { describe, expect, it } from "vitest";
import { stopInstructions } from "./stop-command";

const none = { manager: null, ref: null };

describe("stopInstructions", () => {
  it.each([
    [
      "manual under systemd",
      { mode: "manual" as const, service: { manager: "systemd", ref: "aegis-proxy" }, agentService: none },
      { runsIn: "service", reported: true, command: "sudo systemctl stop aegis-proxy" },
    ],
    [
      "manual with a pid file (AEGIS_ROOT, no systemd)",
      { mode: "manual" as const, service: { manager: "pidfile", ref: "/srv/aegis/proxy.pid" }, agentService: none },
      { runsIn: "service", reported: true, command: "sudo sh -c 'kill $(cat /srv/aegis/proxy.pid)'" },
    ],
    [
      "manual that did not say",
      { mode: "manual" as const, service: none, agentService: none },
      { runsIn: "service", reported: false, command: "sudo systemctl stop aegis-proxy || sudo pkill -f aegis-proxy" },
    ],
    [
      "quick: inside the agent's systemd unit",
      { mode: "quick" as const, service: none, agentService: { manager: "systemd", ref: "aegis-agent" } },
      { runsIn: "agent", reported: true, command: "sudo systemctl stop aegis-agent" },
    ],
    [
      "quick: agent that did not say",
      { mode: "quick" as const, service: none, agentService: none },
      { runsIn: "agent", reported: false, command: "sudo systemctl stop aegis-agent || sudo pkill -f aegis-agent" },
    ],
  ])("%s", (_name, proxy, expected) => {
    expect(stopInstructions(proxy)).toEqual(expected);
  });
});
