// Rules that must hold with several console instances on one PostgreSQL (SPEC §6, issue 16):
// each check makes its own objects through the HTTP API, fires conflicting requests at the same
// moment (through a load balancer they land on different instances), and checks that the
// server serialized them: the outcomes, then the state the API shows afterwards. No 5xx anywhere.
import { CheckApi, outcomes, type Reply } from "./rule-check-api";

export type RuleCheckResult = { name: string; ok: boolean; ms: number; problems: string[] };
export type RuleChecks = { checks: number; passed: number; failures: string[]; results: RuleCheckResult[] };

type Check = { name: string; run: (api: CheckApi) => Promise<string[]> };

const expectOutcomes = (what: string, replies: Reply[], expected: string[]) => {
  const got = outcomes(replies);
  return JSON.stringify(got) === JSON.stringify([...expected].sort())
    ? []
    : [`${what}: expected ${expected.join(", ")}; got ${got.join(", ")}`];
};

const CHECKS: Check[] = [
  {
    name: "R2: four creates of one cluster name at once make one cluster",
    async run(api) {
      const name = `${api.prefix}-same-name`;
      const body = { region: api.region, name, address: `${name}.rules.example.internal`, description: "rule check" };
      const replies = await Promise.all([1, 2, 3, 4].map(() => api.send("POST", "/api/v1/clusters", body)));
      for (const r of replies.filter((r) => r.status === 201))
        api.later(() => api.send("DELETE", `/api/v1/clusters/${r.body.id}`));
      return expectOutcomes("creates", replies, ["201", "409 NAME_TAKEN", "409 NAME_TAKEN", "409 NAME_TAKEN"]);
    },
  },
  {
    name: "R4: two proxies registering at once into an IP-address cluster make one proxy",
    async run(api) {
      const address = `198.18.${Math.floor(Math.random() * 255)}.${1 + Math.floor(Math.random() * 254)}`;
      const id = await api.cluster(`${api.prefix}-ip`, address);
      const tokens = [await api.deployToken(id), await api.deployToken(id)];
      const replies = await Promise.all(tokens.map((t) => api.registerProxy(t)));
      for (const r of replies.filter((r) => r.status === 201))
        api.removeLater({ proxyId: String(r.body.proxyId), credential: String(r.body.credential) });
      const { proxies } = await api.clusterState(id);
      return [
        ...expectOutcomes("registrations", replies, ["201", "422 IP_CLUSTER_SINGLE_PROXY"]),
        ...(proxies === 1 ? [] : [`the cluster holds ${proxies} proxies`]),
      ];
    },
  },
  {
    name: "R5: one server quick-deployed into two clusters at once becomes one proxy",
    async run(api) {
      const [a, b] = [await api.cluster(`${api.prefix}-qa`), await api.cluster(`${api.prefix}-qb`)];
      const [server] = await api.onlineAgents(1);
      await api.heartbeat(server!);
      const replies = await Promise.all(
        [a, b].map((id) => api.send("POST", `/api/v1/clusters/${id}/proxies`, { mode: "quick", assetIds: [server!.assetId] })),
      );
      for (const r of replies.filter((r) => r.status === 201)) {
        const [proxy] = r.body.proxies as { id: string }[];
        api.removeLater({ proxyId: proxy!.id, credential: server!.credential });
      }
      const total = (await api.clusterState(a)).proxies + (await api.clusterState(b)).proxies;
      return [
        ...expectOutcomes("quick deploys", replies, ["201", "409 ALREADY_PROXY"]),
        ...(total === 1 ? [] : [`the two clusters hold ${total} proxies on that server`]),
      ];
    },
  },
  {
    name: "R12: two batches to one cluster at once: one connects, the other waits (429)",
    async run(api) {
      const id = await api.cluster(`${api.prefix}-batch`);
      const proxy = await api.onlineProxy(id);
      const servers = await api.onlineAgents(2);
      await Promise.all([...servers.map((s) => api.heartbeat(s)), api.proxyHeartbeat(proxy)]);
      const replies = await Promise.all(
        servers.map((s) => api.send("POST", `/api/v1/clusters/${id}/clients`, { assetIds: [s.assetId] })),
      );
      const waiting = replies.find((r) => r.status === 429);
      const { clientCount, listed } = await api.clusterState(id);
      return [
        ...expectOutcomes("batches", replies, ["201", "429 BATCH_INTERVAL"]),
        ...(waiting && !waiting.headers.get("retry-after") ? ["the 429 has no Retry-After"] : []),
        ...(clientCount === 1 && listed.length === 1 ? [] : [`${clientCount} counted and ${listed.length} listed, not 1`]),
      ];
    },
  },
  {
    name: "R13: registrations past a proxy's capacity at once: exactly the capacity connects",
    async run(api) {
      const id = await api.cluster(`${api.prefix}-capacity`);
      // 1 core, 64 MB: min(1/8, 64 MB/16 GB) of 6,000 = 23 clients.
      const proxy = await api.onlineProxy(id, { cpuCores: 1, memoryMb: 64 });
      const { capacity } = await api.clusterState(id);
      if (capacity < 1 || capacity > 100) return [`unexpected capacity ${capacity} for a 1-core/64 MB proxy`];
      const token = await api.installToken(id);
      await api.proxyHeartbeat(proxy);
      const replies = await Promise.all(Array.from({ length: capacity + 7 }, () => api.register(token)));
      const connected = replies.filter((r) => r.status === 201).length;
      const refused = replies.filter((r) => r.code === "CAPACITY_EXCEEDED").length;
      const state = await api.clusterState(id);
      return [
        ...(connected === capacity && refused === 7
          ? []
          : [`${connected} connected and ${refused} refused for capacity ${capacity}: ${outcomes(replies).join(", ")}`]),
        ...(state.clientCount === capacity && state.listed.length === capacity
          ? []
          : [`${state.clientCount} counted and ${state.listed.length} listed, capacity ${capacity}`]),
      ];
    },
  },
  {
    name: "R15: one server moved into two clusters at once ends in one, every count right",
    async run(api) {
      const ids = [
        await api.cluster(`${api.prefix}-ma`),
        await api.cluster(`${api.prefix}-mb`),
        await api.cluster(`${api.prefix}-mc`),
      ];
      const proxies = await Promise.all(ids.map((id) => api.onlineProxy(id)));
      const [server] = await api.onlineAgents(1);
      await api.heartbeat(server!);
      const connect = (id: string) => api.send("POST", `/api/v1/clusters/${id}/clients`, { assetIds: [server!.assetId] });
      api.need(await connect(ids[0]!), 201, "connect to the first cluster");
      await Promise.all([api.heartbeat(server!), ...proxies.map((p) => api.proxyHeartbeat(p))]);
      const replies = await Promise.all([connect(ids[1]!), connect(ids[2]!)]);
      const states = await Promise.all(ids.map((id) => api.clusterState(id)));
      const holders = states.filter((s) => s.listed.includes(server!.assetId)).length;
      const problems = replies.some((r) => r.status === 201) ? [] : [`no move succeeded: ${outcomes(replies).join(", ")}`];
      if (holders !== 1 || states[0]!.listed.length !== 0) problems.push(`the server is listed in ${holders} clusters`);
      states.forEach((s, i) => {
        if (s.clientCount !== s.listed.length)
          problems.push(`cluster ${"ABC"[i]} counts ${s.clientCount} clients and lists ${s.listed.length}`);
      });
      return problems;
    },
  },
];

/**
 * Runs every check against `baseUrl` (a console, or the load balancer in front of several) with
 * an admin API token, one after the other; each check's requests race each other.
 */
export async function runRuleChecks(
  baseUrl: string,
  adminToken: string,
  options: { region?: "cn" | "intl"; log?: (line: string) => void } = {},
): Promise<RuleChecks> {
  // Let pooled keep-alive connections that the load balancer closed meanwhile (say, while the
  // caller's event loop was blocked) be noticed and dropped, so no check's request lands on one.
  await new Promise((resolve) => setTimeout(resolve, 100));
  await fetch(`${baseUrl.replace(/\/+$/, "")}/api/health`).catch(() => undefined);
  const results: RuleCheckResult[] = [];
  for (const check of CHECKS) {
    const api = new CheckApi(baseUrl, adminToken, options.region ?? "cn");
    const started = Date.now();
    let problems: string[];
    try {
      problems = await check.run(api);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      problems = [`could not run: ${(error as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ""}`];
    } finally {
      await api.cleanup();
    }
    problems = [...problems, ...api.problems];
    results.push({ name: check.name, ok: problems.length === 0, ms: Date.now() - started, problems });
    options.log?.(`${problems.length === 0 ? "pass" : "FAIL"} ${check.name}${problems.length ? `: ${problems.join("; ")}` : ""}`);
  }
  return {
    checks: results.length,
    passed: results.filter((r) => r.ok).length,
    failures: results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.problems.join("; ")}`),
    results,
  };
}
