// Browser calls of the proxy policy API (R17, R18); every failure is an ApiError.
import { fetchJson } from "@/lib/api-client/fetch-json";
import type { PolicyDto } from "@/lib/policy/policy";
import type { PolicyInput } from "@/lib/policy/schemas";

export type { PolicyDto };

const policyPath = (clusterId: string) => `/api/v1/clusters/${encodeURIComponent(clusterId)}/policy`;

export function getPolicy(clusterId: string, signal?: AbortSignal): Promise<PolicyDto> {
  return fetchJson<PolicyDto>(policyPath(clusterId), { signal });
}

export function putPolicy(clusterId: string, input: PolicyInput): Promise<PolicyDto> {
  return fetchJson<PolicyDto>(policyPath(clusterId), { method: "PUT", body: input });
}

/** The numbers of a BANDWIDTH_HEADROOM refusal (R17), as the server computed them. */
export type HeadroomRefusal = {
  clients: number;
  requiredKbps: number;
  limitKbps: number;
  allowedKbps: number;
  minimumKbps: number;
};
