// The proxy's record of the agents that heartbeat through it (SPEC §8). The proxy answers each
// agent's heartbeat itself, from what the console last said about that agent, and tells the
// console only what changed: agents that joined (their credential, for the console to check once)
// and agents that left (silent past the offline threshold). No sockets here.

/** Agents one proxy keeps track of; past this a new agent is told to retry (and counted). */
export const MAX_CLIENTS = 50_000;
/** Joins or leaves in one report; the rest go in the next one. */
export const MAX_REPORT_ITEMS = 5000;

/**
 * Entry states: "new" (heard, not yet reported), "joining" (in a report in flight), "accepted"
 * (the console knows it: assetId set), "elsewhere" (belongs to another cluster or none: it is told
 * its route and not vouched for), "refused" (unknown or revoked credential: answered 401).
 */
export class ClientTable {
  constructor({ clusterId = null, now = Date.now, maxClients = MAX_CLIENTS } = {}) {
    /** The proxy's own cluster: an agent routed anywhere else is no longer this proxy's. */
    this.clusterId = clusterId;
    this.now = now;
    this.maxClients = maxClients;
    /** credential → entry */
    this.entries = new Map();
    /** assetId → entry, for the console's updates */
    this.byAsset = new Map();
    /** assetIds that left and await reporting: assetId → lastSeenAt (ms) */
    this.leaving = new Map();
    this.offlineAfterMs = 90_000;
    /** The console's heartbeat interval, handed on to the agents in every answer. */
    this.intervalSeconds = 30;
    this.refusedFull = 0;
    /** The console deferred joins (a reconnect wave): none is reported before this time (ms). */
    this.joinsNotBefore = 0;
    /** Entries in state "new", so that asking for changes costs nothing when there are none. */
    this.newCount = 0;
    this.expiredAt = -Infinity;
  }

  /**
   * An agent's heartbeat. Returns { status: 200, route?, tasks } to answer it, { status: 401 } for
   * a credential the console refused, or { status: 503 } when the table is full.
   */
  beat(credential, agentVersion) {
    let entry = this.entries.get(credential);
    if (!entry) {
      if (this.entries.size >= this.maxClients) {
        this.refusedFull++;
        return { status: 503 };
      }
      entry = { credential, state: "new", assetId: null, agentVersion, lastBeat: 0, route: null, tasks: [] };
      this.entries.set(credential, entry);
      this.newCount++;
    }
    if (entry.state === "refused") return { status: 401 };
    entry.lastBeat = this.now();
    entry.agentVersion = agentVersion;
    const tasks = entry.tasks;
    entry.tasks = [];
    return { status: 200, route: entry.route, tasks, assetId: entry.assetId };
  }

  /** The asset id of an accepted credential (data from that agent may be relayed), else null. */
  assetOf(credential) {
    const entry = this.entries.get(credential);
    return entry?.state === "accepted" ? entry.assetId : null;
  }

  /** Agents heard within the offline threshold. */
  get connectedCount() {
    const since = this.now() - this.offlineAfterMs;
    let n = 0;
    for (const e of this.entries.values()) if (e.lastBeat >= since && e.state !== "refused") n++;
    return n;
  }

  /** Forgets silent agents (accepted ones are reported as left) and says whether a report is due. */
  hasChanges() {
    this.expire();
    if (this.leaving.size > 0) return true;
    return this.newCount > 0 && this.now() >= this.joinsNotBefore;
  }

  /** Forgets agents silent past the threshold; a walk over the table, so at most a few times a threshold. */
  expire() {
    const now = this.now();
    if (now - this.expiredAt < Math.min(1000, this.offlineAfterMs / 10)) return;
    this.expiredAt = now;
    const since = now - this.offlineAfterMs;
    for (const [credential, e] of this.entries) {
      if (e.lastBeat >= since || e.state === "joining") continue;
      if (e.state === "new") this.newCount--;
      this.entries.delete(credential);
      if (e.assetId && this.byAsset.get(e.assetId) === e) this.byAsset.delete(e.assetId);
      if (e.state === "accepted") this.leaving.set(e.assetId, e.lastBeat);
    }
  }

  /** Takes the next report's joins and leaves; give the result back to settle() or restore(). */
  takeReport(max = MAX_REPORT_ITEMS) {
    this.expire();
    const joining = [];
    if (this.newCount > 0 && this.now() >= this.joinsNotBefore)
      for (const e of this.entries.values()) {
        if (joining.length >= max) break;
        if (e.state !== "new") continue;
        e.state = "joining";
        this.newCount--;
        joining.push(e);
      }
    const left = [...this.leaving].slice(0, max).map(([assetId, at]) => ({ assetId, lastSeenAt: new Date(at).toISOString() }));
    for (const l of left) this.leaving.delete(l.assetId);
    return {
      joining,
      left,
      body: { joined: joining.map((e) => ({ credential: e.credential, agentVersion: e.agentVersion })), left },
    };
  }

  /** The report did not reach the console: everything in it goes into the next one. */
  restore(report) {
    for (const e of report.joining) if (e.state === "joining") this.#renew(e);
    for (const l of report.left) if (!this.leaving.has(l.assetId)) this.leaving.set(l.assetId, Date.parse(l.lastSeenAt));
  }

  #renew(entry) {
    entry.state = "new";
    this.newCount++;
  }

  /** Applies the console's answer: join results in report order, then updates for known agents. */
  settle(report, answer) {
    const results = answer?.joined ?? [];
    // Busy with other proxies' joins: ours go again after the console's delay (unanswered stay "new").
    if (answer?.retryAfterSeconds > 0) this.joinsNotBefore = this.now() + answer.retryAfterSeconds * 1000;
    report.joining.forEach((e, i) => {
      const r = results[i];
      if (!r) return this.#renew(e);
      if (r.status === "refused") return void (e.state = "refused");
      e.assetId = r.assetId;
      e.route = r.route ?? null;
      e.state = r.status === "accepted" ? "accepted" : "elsewhere";
      if (r.status === "accepted") this.byAsset.set(r.assetId, e);
      if (r.tasks?.length) e.tasks.push(...r.tasks);
    });
    for (const u of answer?.updates ?? []) {
      const e = this.byAsset.get(u.assetId);
      if (!e) continue;
      if (u.revoked) {
        e.state = "refused";
        this.byAsset.delete(u.assetId);
        continue;
      }
      e.route = u.route ?? e.route;
      if (u.tasks?.length) e.tasks.push(...u.tasks);
      if (u.route && (u.route.mode !== "proxy" || u.route.clusterId !== this.clusterId)) {
        // Connected elsewhere or disconnected: the console no longer counts on this proxy for it.
        e.state = "elsewhere";
        this.byAsset.delete(u.assetId);
      }
    }
  }
}
