// The planner's inputs (issue 7): expected servers, proxy size, optional uplink — controlled, so
// the results update as the user types — and (issue 16) redundancy, N+1.
"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";
import { Field, Input } from "@/components/ui/field";
import type { PlannerValues } from "./planner-values";

type Props = { values: PlannerValues; onChange: (values: PlannerValues) => void };
type TextKey = Exclude<keyof PlannerValues, "redundancy">;

export function PlannerFields({ values, onChange }: Props) {
  const t = useTranslations("planning");
  const redundancyId = useId();
  const field = (key: TextKey, label: string, hint?: string) => (
    <Field label={label} hint={hint}>
      {(a) => (
        <Input
          {...a}
          inputMode="decimal"
          autoComplete="off"
          className="tabular-nums"
          value={values[key]}
          onChange={(event) => onChange({ ...values, [key]: event.target.value })}
        />
      )}
    </Field>
  );
  return (
    <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      <legend className="sr-only">{t("inputs")}</legend>
      {field("servers", t("servers"), t("serversHint"))}
      {field("uplinkKbps", t("uplink"), t("uplinkHint"))}
      {field("cores", t("cores"))}
      {field("memoryGb", t("memory"))}
      <div className="flex gap-2 sm:col-span-2">
        <input
          id={redundancyId}
          type="checkbox"
          checked={values.redundancy}
          onChange={(event) => onChange({ ...values, redundancy: event.target.checked })}
          aria-describedby={`${redundancyId}-hint`}
          className="mt-0.5 size-4 shrink-0 accent-brand-600"
        />
        <div>
          <label htmlFor={redundancyId} className="text-sm font-medium text-slate-800">
            {t("redundancy")}
          </label>
          <p id={`${redundancyId}-hint`} className="text-xs text-slate-600">
            {t("redundancyHint")}
          </p>
        </div>
      </div>
    </fieldset>
  );
}
