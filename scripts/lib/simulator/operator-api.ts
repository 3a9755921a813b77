// The operator API calls the simulator and the benchmark make (SPEC §5), with an API token.
export class OperatorApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "OperatorApiError";
  }
}

export type ClusterSummary = { id: string; name: string; address: string; region: string };
export type ProxyRow = { id: string; status: string; canDelete: boolean; asset: { id: string; hostname: string } };

export class OperatorApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const send = () =>
      fetch(this.baseUrl.replace(/\/+$/, "") + path, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    // A kept-alive connection the server closed while idle fails before the request is read:
    // sending again on a new connection is safe, whatever the method.
    const response = await send().catch((error: { cause?: { code?: string } }) => {
      if (error.cause?.code !== "UND_ERR_SOCKET") throw error;
      return send();
    });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) {
      const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      throw new OperatorApiError(
        response.status,
        error?.code ?? String(response.status),
        `${method} ${path}: ${response.status} ${error?.code ?? ""} ${error?.message ?? text.slice(0, 200)}`.trim(),
        error?.details,
      );
    }
    return json as T;
  }

  async listClusters(region: string): Promise<ClusterSummary[]> {
    return (await this.request<{ items: ClusterSummary[] }>("GET", `/api/v1/clusters?region=${region}`)).items;
  }

  createCluster(input: { region: string; name: string; address: string; description: string }) {
    return this.request<ClusterSummary>("POST", "/api/v1/clusters", input);
  }

  createInstallCommand(input: { region: string; clusterId: string | null; expiresInHours: number }) {
    return this.request<{ id: string; token: string; command: string }>("POST", "/api/v1/install-commands", {
      ...input,
      os: "linux",
      provider: "other",
    });
  }

  deployManual(clusterId: string, expiresInHours = 24) {
    return this.request<{ token: string; command: string; expiresAt: string }>("POST", `/api/v1/clusters/${clusterId}/proxies`, {
      mode: "manual",
      expiresInHours,
    });
  }

  listProxies(clusterId: string) {
    return this.request<{ items: ProxyRow[]; latestVersion: string | null }>("GET", `/api/v1/clusters/${clusterId}/proxies`);
  }

  deleteProxy(id: string) {
    return this.request<void>("DELETE", `/api/v1/proxies/${id}`);
  }
}
