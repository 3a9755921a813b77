// What the install-command and policy journeys set up through the API as the demo operator: a
// manual deploy command for a proxy, install commands, and registered clients (SPEC §5, §7).
import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import { AGENT_VERSION, createProtocolClient } from "../agent/protocol.mjs";
import { storageStatePath } from "./auth-state";
import { expect } from "./fixtures";

export type CreatedInstallCommand = { id: string; token: string; command: string; expiresAt: string };

export class OperatorApi {
  private constructor(
    private readonly request: APIRequestContext,
    readonly baseURL: string,
  ) {}

  static async open(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string) {
    const request = await playwright.request.newContext({
      baseURL,
      storageState: storageStatePath("operator"),
      extraHTTPHeaders: { origin: new URL(baseURL).origin },
    });
    return new OperatorApi(request, baseURL);
  }

  async call<T>(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: string, data?: unknown): Promise<T> {
    const response = await this.request.fetch(path, { method, data });
    expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
    return (response.status() === 204 ? undefined : await response.json()) as T;
  }

  async manualDeployCommand(clusterId: string): Promise<string> {
    const body = { mode: "manual", expiresInHours: 1 };
    return (await this.call<{ command: string }>("POST", `/api/v1/clusters/${clusterId}/proxies`, body)).command;
  }

  async clusterStatus(region: "cn" | "intl", name: string): Promise<string | undefined> {
    const { items } = await this.call<{ items: { name: string; status: string }[] }>(
      "GET",
      `/api/v1/clusters?region=${region}&q=${encodeURIComponent(name)}`,
    );
    return items.find((c) => c.name === name)?.status;
  }

  createInstallCommand(body: Record<string, unknown>): Promise<CreatedInstallCommand> {
    return this.call("POST", "/api/v1/install-commands", {
      region: "intl",
      os: "linux",
      provider: "idc",
      expiresInHours: 1,
      ...body,
    });
  }

  /** `count` servers register with the command's token (no heartbeats: only the count matters). */
  async registerClients(command: string, prefix: string, count: number) {
    const token = /\/api\/v1\/install\/([^/\s]+)\/linux\.sh/.exec(command)?.[1];
    if (!token) throw new Error(`not a Linux install command: ${command}`);
    const stamp = Date.now() % 250;
    for (let i = 0; i < count; i++) {
      const client = createProtocolClient({ url: this.baseURL, maxAttempts: 3, timeoutMs: 10_000 });
      await client.register(token, {
        hostname: `${prefix}-${i}`,
        os: "linux",
        osVersion: "Debian 12",
        ips: [`10.251.${stamp}.${i + 1}`],
        type: "host",
        cpuCores: 2,
        memoryMb: 4096,
        agentVersion: AGENT_VERSION,
      });
    }
  }

  dispose() {
    return this.request.dispose();
  }
}
