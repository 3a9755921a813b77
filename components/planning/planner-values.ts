// The planner's inputs as typed (strings), and their reading into plan() input; null when not usable.
import type { PlanInput } from "@/lib/planning/plan";

export type PlannerValues = { servers: string; cores: string; memoryGb: string; uplinkKbps: string; redundancy: boolean };

export const DEFAULT_PLANNER_VALUES: PlannerValues = {
  servers: "",
  cores: "8",
  memoryGb: "16",
  uplinkKbps: "",
  redundancy: false,
};

function number(text: string): number | null {
  const value = Number(text.replace(/[,\s]/g, ""));
  return text.trim() === "" || !Number.isFinite(value) ? null : value;
}

export function readPlannerValues(values: PlannerValues): PlanInput | null {
  const servers = number(values.servers);
  const proxyCores = number(values.cores);
  const proxyMemoryGb = number(values.memoryGb);
  const uplink = number(values.uplinkKbps);
  if (servers === null || servers < 0 || !Number.isInteger(servers)) return null;
  if (proxyCores === null || proxyCores <= 0 || proxyMemoryGb === null || proxyMemoryGb <= 0) return null;
  if (uplink !== null && uplink <= 0) return null;
  return { servers, proxyCores, proxyMemoryGb, uplinkKbps: uplink, redundancy: values.redundancy };
}
