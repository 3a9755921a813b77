// Who is asking and from where; handed to every operation so it can audit (R20).
export type Actor = { type: "user" | "token" | "agent" | "system" | "anonymous"; id: string | null; name: string };

export type RequestContext = {
  requestId: string;
  ip: string | null;
  actor: Actor;
  /** The caller's role once authenticated (null on public routes and for system work). */
  role: "admin" | "operator" | "viewer" | null;
  /** Set on agent-protocol routes (SPEC §7) once the agent credential is verified. */
  agent?: { assetId: string; proxyId: string | null; name: string };
  /** The proxy that relayed this request for an agent (SPEC §8), verified by its own credential. */
  relay?: { proxyId: string; clusterId: string; hostname: string } | null;
};

export const SYSTEM_ACTOR: Actor = { type: "system", id: null, name: "system" };

export function systemContext(name = "system"): RequestContext {
  return { requestId: crypto.randomUUID(), ip: null, actor: { ...SYSTEM_ACTOR, name }, role: null };
}

export function clientIp(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || null;
}
