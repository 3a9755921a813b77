// Types of client-table.mjs for the TypeScript callers.
import type { AgentRoute, AgentTask, AgentUpdate, JoinResult } from "../protocol.mjs";

export declare const MAX_CLIENTS: number;
export declare const MAX_REPORT_ITEMS: number;
type Entry = { credential: string; state: string; assetId: string | null };
export type Report = {
  joining: Entry[];
  left: { assetId: string; lastSeenAt: string }[];
  body: { joined: { credential: string; agentVersion: string }[]; left: { assetId: string; lastSeenAt: string }[] };
};
export declare class ClientTable {
  constructor(options?: { clusterId?: string | null; now?: () => number; maxClients?: number });
  offlineAfterMs: number;
  intervalSeconds: number;
  readonly refusedFull: number;
  /** The agents it vouches for (accepted by the console), by asset id. */
  readonly byAsset: Map<string, Entry>;
  joinsNotBefore: number;
  beat(
    credential: string,
    agentVersion: string,
  ): { status: 200 | 401 | 503; route?: AgentRoute | null; tasks?: AgentTask[]; assetId?: string | null };
  assetOf(credential: string): string | null;
  get connectedCount(): number;
  hasChanges(): boolean;
  takeReport(max?: number): Report;
  restore(report: Pick<Report, "joining" | "left">): void;
  settle(
    report: Pick<Report, "joining" | "left">,
    answer:
      | {
          joined: (JoinResult | { status: string; assetId: string; route: unknown; tasks: unknown[] })[];
          updates: (AgentUpdate | { assetId: string; revoked: boolean; route: unknown; tasks: unknown[] })[];
          retryAfterSeconds?: number;
        }
      | undefined,
  ): void;
}
