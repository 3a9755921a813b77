// The planner's inputs (issue 7): expected servers, proxy size, optional uplink — controlled, so
// the results update as the user types.
"use client";
import { useTranslations } from "next-intl";
import { Field, Input } from "@/components/ui/field";
import type { PlannerValues } from "./planner-values";

type Props = { values: PlannerValues; onChange: (values: PlannerValues) => void };

export function PlannerFields({ values, onChange }: Props) {
  const t = useTranslations("planning");
  const field = (key: keyof PlannerValues, label: string, hint?: string) => (
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
    </fieldset>
  );
}
