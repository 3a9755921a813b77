// Settings → Alert rules (issue 14): each rule on or off, its threshold with the default shown; an
// admin saves or resets to the defaults, everyone else sees them read-only with why.
"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { useCan } from "@/components/auth/use-can";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { updateAlertRulesSchema } from "@/lib/alerts/schemas";
import { useZodErrorMap } from "@/lib/i18n/use-zod-error-map";
import { useAlertRules, useSaveAlertRules, type AlertRuleDto } from "./alerts-api";

type Values = z.input<typeof updateAlertRulesSchema>;
const toValues = (rules: AlertRuleDto[]): Values => ({
  rules: rules.map((r) => ({ kind: r.kind, enabled: r.enabled, threshold: r.threshold })),
});

export function AlertRulesSection() {
  const t = useTranslations("alertRules");
  const rules = useAlertRules();
  return (
    <section aria-labelledby="alert-rules-title" className="max-w-4xl space-y-3">
      <div>
        <h2 id="alert-rules-title" className="text-base font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="mt-0.5 text-sm text-slate-600">{t("subtitle")}</p>
      </div>
      {rules.data ? (
        <RulesForm rules={rules.data} />
      ) : rules.isError ? (
        <ApiErrorAlert
          error={rules.error}
          title={t("loadError")}
          onRetry={() => void rules.refetch()}
          retrying={rules.isFetching}
        />
      ) : (
        <Skeleton className="h-40 w-full" />
      )}
    </section>
  );
}

function RulesForm({ rules }: { rules: AlertRuleDto[] }) {
  const t = useTranslations();
  const can = useCan();
  const admin = can("admin");
  const errorMap = useZodErrorMap();
  const save = useSaveAlertRules();
  const form = useForm<Values, unknown, z.output<typeof updateAlertRulesSchema>>({
    resolver: zodResolver(updateAlertRulesSchema, { error: errorMap }),
    defaultValues: toValues(rules),
    mode: "onChange",
  });
  useEffect(() => form.reset(toValues(rules)), [rules, form]);
  const errors = form.formState.errors.rules;

  const submit = form.handleSubmit(async (input) => {
    try {
      await save.mutateAsync(input);
      toast.success(t("alertRules.saved"));
    } catch {
      // shown below
    }
  });

  function resetToDefaults() {
    form.reset(
      { rules: rules.map((r) => ({ kind: r.kind, enabled: true, threshold: r.defaultThreshold })) },
      { keepDefaultValues: true },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label={t("alertRules.title")}>
      {!admin ? (
        <Alert tone="info">
          <p>{t("alertRules.readOnly")}</p>
        </Alert>
      ) : null}
      <fieldset disabled={!admin} className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
        {rules.map((rule, i) => {
          const unit = rule.unit ? t(`alertRules.units.${rule.unit}`) : "";
          const error = errors?.[i]?.threshold?.message;
          const inputId = `rule-${rule.kind}-threshold`;
          return (
            <div
              key={rule.kind}
              className="grid grid-cols-[1fr_auto] items-start gap-x-6 gap-y-1 px-4 py-3"
              data-rule={rule.kind}
            >
              <div>
                <label className="flex items-center gap-2 text-sm font-medium text-slate-900">
                  <input type="checkbox" {...form.register(`rules.${i}.enabled`)} className="accent-brand-600" />
                  {t(`alerts.kinds.${rule.kind}`)}
                </label>
                <p className="mt-0.5 pl-6 text-xs text-slate-600">{t(`alertRules.hints.${rule.kind}`)}</p>
              </div>
              <div className="text-right">
                {rule.unit ? (
                  <>
                    <div className="flex items-center justify-end gap-1.5">
                      <label htmlFor={inputId} className="sr-only">
                        {`${t(`alerts.kinds.${rule.kind}`)} — ${t("alertRules.threshold")}`}
                      </label>
                      <Input
                        id={inputId}
                        type="number"
                        inputMode="decimal"
                        min={rule.min ?? undefined}
                        max={rule.max ?? undefined}
                        className="w-24 text-right"
                        aria-invalid={error ? true : undefined}
                        aria-describedby={`${inputId}-default`}
                        {...form.register(`rules.${i}.threshold`, {
                          setValueAs: (v) => (v === "" || v === null ? Number.NaN : Number(v)),
                        })}
                      />
                      <span className="w-14 text-left text-sm text-slate-700">{unit}</span>
                    </div>
                    <p id={`${inputId}-default`} className="mt-0.5 text-xs text-slate-500">
                      {t("alertRules.default", { value: rule.defaultThreshold ?? "", unit })}
                    </p>
                    {error ? <p className="mt-0.5 text-xs text-red-700">{error}</p> : null}
                  </>
                ) : (
                  <p className="max-w-56 text-xs text-slate-500">{t("alertRules.noThreshold")}</p>
                )}
              </div>
            </div>
          );
        })}
      </fieldset>
      {save.error ? <ApiErrorAlert error={save.error} /> : null}
      {admin ? (
        <div className="flex gap-2">
          <Button type="submit" variant="primary" disabled={save.isPending} aria-busy={save.isPending || undefined}>
            {save.isPending ? <Spinner /> : null}
            {save.isPending ? t("alertRules.saving") : t("alertRules.save")}
          </Button>
          <Button onClick={resetToDefaults}>{t("alertRules.reset")}</Button>
        </div>
      ) : null}
    </form>
  );
}
