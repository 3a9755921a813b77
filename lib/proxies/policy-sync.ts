// Whether a proxy runs its cluster's policy (R17, R18). A proxy reports the version it applied in
// each heartbeat; one that has not reported any yet (just deployed, or before its second
// heartbeat) is pending, not outdated (issue 13 point 16).
export type PolicySync = "current" | "pending" | "outdated";

export function policySync(reported: number | null, clusterVersion: number | null | undefined): PolicySync {
  if (reported === null) return "pending";
  return reported === clusterVersion ? "current" : "outdated";
}
