// R19 expiry: 1 hour to 30 days as presets, or a date and time turned into whole hours; the
// resulting moment is shown in words so nobody has to do the arithmetic.
"use client";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field, Input } from "@/components/ui/field";
import { EXPIRY_PRESETS, expiresInHours, MAX_EXPIRY_HOURS, toLocalInput, type InstallCommandForm } from "./form-values";
import { ABSOLUTE_TIME } from "./absolute-time";

export function ExpiryField({ form }: { form: InstallCommandForm }) {
  const t = useTranslations("installCommands.create");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const [expiry, expiryDate] = useWatch({ control: form.control, name: ["expiry", "expiryDate"] });
  const hours = expiresInHours({ expiry, expiryDate }, now.getTime());
  const valid = Number.isFinite(hours) && hours >= 1 && hours <= MAX_EXPIRY_HOURS;
  const expiresAt = valid ? new Date(now.getTime() + hours * 3_600_000) : null;
  const { errors } = form.formState;

  return (
    <div className="space-y-2">
      <ChoiceGroup
        legend={t("expiry")}
        inputProps={form.register("expiry")}
        checkedValue={expiry}
        autoFocusChecked
        error={errors.expiry?.message}
        choices={[
          ...EXPIRY_PRESETS.map((p) => ({ value: String(p.hours), label: t(`expiryPresets.${p.key}`) })),
          { value: "date", label: t("expiryPresets.date") },
        ]}
        hint={
          expiresAt ? (
            <span data-testid="expiry-summary">
              {t("expiresAtHint", {
                at: format.dateTime(expiresAt, ABSOLUTE_TIME),
                hours,
              })}
            </span>
          ) : (
            t("expiryRule")
          )
        }
      />
      {expiry === "date" ? (
        <div className="max-w-64">
          <Field label={t("expiryDate")} error={errors.expiryDate?.message} hint={t("expiryDateHint")}>
            {(a) => (
              <Input
                {...a}
                type="datetime-local"
                min={toLocalInput(new Date(now.getTime() + 3_600_000))}
                max={toLocalInput(new Date(now.getTime() + MAX_EXPIRY_HOURS * 3_600_000))}
                {...form.register("expiryDate", { deps: ["expiry"] })}
              />
            )}
          </Field>
        </div>
      ) : null}
    </div>
  );
}
