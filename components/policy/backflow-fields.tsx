// Backflow mode (R17): bandwidth and send frequency, each unlimited or a custom upper limit;
// with a custom bandwidth the clients' need is shown against the 60% line as the user types.
"use client";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field, Input } from "@/components/ui/field";
import type { PolicyForm } from "./form-values";
import { wholeNumber } from "./form-values";
import { HeadroomMeter } from "./headroom-meter";

export function BackflowFields({ form, clients }: { form: PolicyForm; clients: number }) {
  const t = useTranslations("policy.backflow");
  const [bandwidth, bandwidthKbps, frequency] = useWatch({
    control: form.control,
    name: ["bandwidth", "bandwidthKbps", "frequency"],
  });
  const { errors } = form.formState;
  const typed = wholeNumber(bandwidthKbps);
  const liveLimit = bandwidth === "custom" && typed !== undefined && Number.isFinite(typed) && typed > 0 ? typed : null;

  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <ChoiceGroup
          legend={t("bandwidth")}
          inputProps={form.register("bandwidth", { deps: ["bandwidthKbps"] })}
          choices={[
            { value: "unlimited", label: t("unlimited") },
            { value: "custom", label: t("custom") },
          ]}
        />
        {bandwidth === "custom" ? (
          <div className="max-w-md">
            <Field label={t("bandwidthLimit")} error={errors.bandwidthKbps?.message} hint={t("bandwidthHint")}>
              {(a) => (
                <div className="flex items-center gap-2">
                  <Input
                    {...a}
                    {...form.register("bandwidthKbps")}
                    inputMode="numeric"
                    autoComplete="off"
                    className="max-w-40 tabular-nums"
                  />
                  <span className="text-sm whitespace-nowrap text-slate-700">{t("kbps")}</span>
                </div>
              )}
            </Field>
          </div>
        ) : null}
        <HeadroomMeter clients={clients} custom={bandwidth === "custom"} bandwidthKbps={liveLimit} />
      </div>

      <div className="space-y-2">
        <ChoiceGroup
          legend={t("frequency")}
          inputProps={form.register("frequency", { deps: ["frequencyPerMin"] })}
          choices={[
            { value: "unlimited", label: t("unlimited") },
            { value: "custom", label: t("custom") },
          ]}
          hint={t("frequencyHint")}
        />
        {frequency === "custom" ? (
          <div className="max-w-md">
            <Field label={t("frequencyLimit")} error={errors.frequencyPerMin?.message}>
              {(a) => (
                <div className="flex items-center gap-2">
                  <Input
                    {...a}
                    {...form.register("frequencyPerMin")}
                    inputMode="numeric"
                    autoComplete="off"
                    className="max-w-40 tabular-nums"
                  />
                  <span className="text-sm whitespace-nowrap text-slate-700">{t("perMinute")}</span>
                </div>
              )}
            </Field>
          </div>
        ) : null}
      </div>
    </div>
  );
}
