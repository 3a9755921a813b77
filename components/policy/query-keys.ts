// The one query-key factory of the proxy policy feature.
export const policyKeys = {
  all: ["policy"] as const,
  detail: (clusterId: string) => [...policyKeys.all, clusterId] as const,
};
