// The proxy settings dialog's fields and how they become the API body (lib/policy/schemas.ts):
// unlimited/custom toggles and text inputs for numbers, checked with the API's own schema.
import type { Path, UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { mappedZodResolver } from "@/components/forms/mapped-zod-resolver";
import { CACHE_DATA_TYPE_IDS, type CacheDataType } from "@/lib/policy/data-types";
import { MAX_CACHE_BYTES, policySchema, type PolicyInput } from "@/lib/policy/schemas";
import type { PolicyDto } from "./policy-api";

export const GIB = 1024 ** 3;
export const MAX_CACHE_GB = MAX_CACHE_BYTES / GIB;

export type PolicyFormValues = {
  mode: "backflow" | "cache";
  bandwidth: "unlimited" | "custom";
  bandwidthKbps: string;
  frequency: "unlimited" | "custom";
  frequencyPerMin: string;
  cacheDir: string;
  cacheMaxGb: string;
  dataTypes: CacheDataType[];
};

export type PolicyForm = UseFormReturn<PolicyFormValues, unknown, PolicyInput>;

export function policyDefaults(policy: PolicyDto): PolicyFormValues {
  return {
    mode: policy.mode,
    bandwidth: policy.bandwidthKbps === null ? "unlimited" : "custom",
    bandwidthKbps: policy.bandwidthKbps === null ? "" : String(policy.bandwidthKbps),
    frequency: policy.frequencyPerMin === null ? "unlimited" : "custom",
    frequencyPerMin: policy.frequencyPerMin === null ? "" : String(policy.frequencyPerMin),
    cacheDir: policy.cacheDir,
    cacheMaxGb: String(Math.max(1, Math.round(policy.cacheMaxBytes / GIB))),
    // Switching to cache mode starts with every supported type kept.
    dataTypes: policy.dataTypes.length > 0 ? (policy.dataTypes as CacheDataType[]) : [...CACHE_DATA_TYPE_IDS],
  };
}

/** "" → undefined (required), digits → the number, anything else → NaN (not a whole number). */
export function wholeNumber(raw: string): number | undefined {
  const text = raw.trim().replaceAll(",", "");
  if (text === "") return undefined;
  return /^\d+$/.test(text) ? Number(text) : NaN;
}

export function toPolicyInput(values: PolicyFormValues): z.input<typeof policySchema> {
  if (values.mode === "backflow") {
    return {
      mode: "backflow",
      bandwidthKbps: values.bandwidth === "custom" ? (wholeNumber(values.bandwidthKbps) as number) : null,
      frequencyPerMin: values.frequency === "custom" ? (wholeNumber(values.frequencyPerMin) as number) : null,
    };
  }
  const gb = wholeNumber(values.cacheMaxGb);
  return {
    mode: "cache",
    cacheDir: values.cacheDir,
    cacheMaxBytes: gb === undefined || Number.isNaN(gb) ? gb : gb * GIB,
    dataTypes: values.dataTypes,
  } as z.input<typeof policySchema>;
}

type Messages = { wholeNumber: string; cacheSize: string };

export function policyResolver(errorMap: (issue: z.core.$ZodRawIssue) => string, messages: Messages) {
  return mappedZodResolver<PolicyFormValues, typeof policySchema>({
    schema: policySchema,
    toInput: toPolicyInput,
    errorMap,
    fieldOf: (path): Path<PolicyFormValues> | "root" => {
      if (path === "cacheMaxBytes") return "cacheMaxGb";
      if (path.startsWith("dataTypes")) return "dataTypes";
      if (path === "bandwidthKbps" || path === "frequencyPerMin" || path === "cacheDir") return path;
      return "root";
    },
    check: (values) => {
      const errors: Partial<Record<Path<PolicyFormValues>, string>> = {};
      if (values.mode === "backflow") {
        if (values.bandwidth === "custom" && Number.isNaN(wholeNumber(values.bandwidthKbps)))
          errors.bandwidthKbps = messages.wholeNumber;
        if (values.frequency === "custom" && Number.isNaN(wholeNumber(values.frequencyPerMin)))
          errors.frequencyPerMin = messages.wholeNumber;
      } else {
        const gb = wholeNumber(values.cacheMaxGb);
        if (gb === undefined || Number.isNaN(gb) || gb < 1 || gb > MAX_CACHE_GB) errors.cacheMaxGb = messages.cacheSize;
      }
      return errors;
    },
  });
}
