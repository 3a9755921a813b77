// The create dialog's fields (R19) and how they become the API body: expiry presets or a date,
// an existing, new or no group, a cluster or none. Checked with the API's own schema.
import type { Path, UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { Region } from "@/lib/clusters/schemas";
import { createInstallCommandSchema, type CreateInstallCommandInput } from "@/lib/install-commands/schemas";
import { mappedZodResolver } from "@/components/forms/mapped-zod-resolver";

export const EXPIRY_PRESETS = [
  { hours: 1, key: "hour1" },
  { hours: 24, key: "hours24" },
  { hours: 168, key: "days7" },
  { hours: 720, key: "days30" },
] as const;
export const MAX_EXPIRY_HOURS = 720;
const HOUR_MS = 3_600_000;

export const PROVIDERS = createInstallCommandSchema.shape.provider.options;
export type Provider = (typeof PROVIDERS)[number];

export type FormValues = {
  /** A preset in hours ("24"), or "date" for expiryDate. */
  expiry: string;
  /** A datetime-local value in the browser's time zone. */
  expiryDate: string;
  provider: Provider;
  /** "none", "new" (newGroupName), or an existing group's id. */
  group: string;
  newGroupName: string;
  os: "linux" | "windows";
  createImage: "no" | "yes";
  proxy: "cluster" | "direct";
  clusterId: string;
};

export type InstallCommandForm = UseFormReturn<FormValues, unknown, CreateInstallCommandInput>;

export function defaultValues(clusterId: string | null): FormValues {
  return {
    expiry: "24",
    expiryDate: "",
    provider: "idc",
    group: "none",
    newGroupName: "",
    os: "linux",
    // R19: "create image" defaults to No.
    createImage: "no",
    proxy: "cluster",
    clusterId: clusterId ?? "",
  };
}

/** Whole hours from now until a datetime-local value, rounded up; NaN when it is not a date. */
export function hoursUntil(local: string, now = Date.now()): number {
  const at = local ? new Date(local).getTime() : NaN;
  return Number.isNaN(at) ? NaN : Math.ceil((at - now) / HOUR_MS);
}

export function expiresInHours(values: Pick<FormValues, "expiry" | "expiryDate">, now = Date.now()): number {
  return values.expiry === "date" ? hoursUntil(values.expiryDate, now) : Number(values.expiry);
}

/** A Date as the value of a datetime-local input (local time, minutes). */
export function toLocalInput(at: Date): string {
  const shifted = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

export function toInput(region: Region, values: FormValues): CreateInstallCommandInput {
  const newGroup = values.group === "new";
  return {
    region,
    clusterId: values.proxy === "cluster" ? values.clusterId || null : null,
    os: values.os,
    provider: values.provider,
    groupId: newGroup || values.group === "none" ? null : values.group,
    ...(newGroup ? { newGroupName: values.newGroupName } : {}),
    createImage: values.createImage === "yes",
    expiresInHours: expiresInHours(values),
  };
}

type Messages = {
  chooseCluster: string;
  chooseDate: string;
  dateInPast: string;
  dateTooFar: string;
};

export function installCommandResolver(region: Region, errorMap: (issue: z.core.$ZodRawIssue) => string, messages: Messages) {
  return mappedZodResolver<FormValues, typeof createInstallCommandSchema>({
    schema: createInstallCommandSchema,
    toInput: (values) => toInput(region, values),
    errorMap,
    fieldOf: (path, values): Path<FormValues> | "root" => {
      if (path === "expiresInHours") return values.expiry === "date" ? "expiryDate" : "expiry";
      if (path === "groupId") return "group";
      if (path === "newGroupName" || path === "provider" || path === "os" || path === "clusterId") return path;
      if (path === "createImage") return "createImage";
      return "root";
    },
    check: (values) => {
      const errors: Partial<Record<Path<FormValues>, string>> = {};
      if (values.proxy === "cluster" && !values.clusterId) errors.clusterId = messages.chooseCluster;
      if (values.expiry === "date") {
        const hours = hoursUntil(values.expiryDate);
        if (Number.isNaN(hours)) errors.expiryDate = messages.chooseDate;
        else if (hours < 1) errors.expiryDate = messages.dateInPast;
        else if (hours > MAX_EXPIRY_HOURS) errors.expiryDate = messages.dateTooFar;
      }
      return errors;
    },
  });
}
