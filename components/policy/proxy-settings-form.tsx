// The policy form: mode, its settings, the live R17 check, and the server's refusal with numbers.
"use client";
import { useTranslations } from "next-intl";
import { useEffect, useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { GatedButton, RoleNotice } from "@/components/auth/role-gate";
import { useRoleGate } from "@/components/auth/use-can";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Button } from "@/components/ui/button";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { DIALOG_FORM_CLASS, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { Spinner } from "@/components/ui/spinner";
import { ApiError } from "@/lib/api-client/api-error";
import type { ClusterDto } from "@/lib/clusters/serialize";
import { useZodErrorMap } from "@/lib/i18n/use-zod-error-map";
import type { PolicyInput } from "@/lib/policy/schemas";
import { BackflowFields } from "./backflow-fields";
import { CacheFields } from "./cache-fields";
import { policyDefaults, policyResolver, type PolicyFormValues } from "./form-values";
import { HeadroomRefusalAlert } from "./headroom-refusal";
import type { HeadroomRefusal, PolicyDto } from "./policy-api";
import type { useUpdatePolicy } from "./use-policy";

type Props = { cluster: ClusterDto; policy: PolicyDto; update: ReturnType<typeof useUpdatePolicy>; onDone: () => void };

export function ProxySettingsForm({ cluster, policy, update, onDone }: Props) {
  const t = useTranslations("policy");
  const tc = useTranslations("common");
  const gate = useRoleGate("operator");
  const errorMap = useZodErrorMap();
  const resolver = useMemo(
    () => policyResolver(errorMap, { wholeNumber: t("errors.wholeNumber"), cacheSize: t("errors.cacheSize") }),
    [errorMap, t],
  );
  const form = useForm<PolicyFormValues, unknown, PolicyInput>({
    resolver,
    defaultValues: policyDefaults(policy),
    // Validate while typing, not on blur: a blur error shifting the footer would move the submit button under the pointer.
    mode: "onChange",
  });
  const { isSubmitting, isDirty } = form.formState;
  const mode = useWatch({ control: form.control, name: "mode" });
  const busy = isSubmitting || update.isPending;
  const refusal =
    update.error instanceof ApiError && update.error.code === "BANDWIDTH_HEADROOM"
      ? (update.error.details as HeadroomRefusal)
      : null;
  // The server's count wins once it has answered: clients may have connected since the dialog opened.
  const clients = refusal?.clients ?? policy.clients;

  // A refusal speaks of the values that were sent: once they change, it no longer applies.
  const { reset: clearRefusal } = update;
  const { subscribe } = form;
  useEffect(() => subscribe({ formState: { values: true }, callback: () => clearRefusal() }), [subscribe, clearRefusal]);

  const submit = form.handleSubmit(async (input) => {
    try {
      const saved = await update.mutateAsync(input);
      toast.success(t("saved", { name: cluster.name, version: saved.version }));
      onDone();
    } catch {
      // Shown below: a BANDWIDTH_HEADROOM refusal with its numbers, any other error as it is.
    }
  });

  return (
    <form onSubmit={submit} noValidate className={DIALOG_FORM_CLASS}>
      <DialogBody>
        <RoleNotice gate={gate} />
        <p className="flex flex-wrap items-center gap-x-1.5 text-xs text-slate-600" data-testid="policy-version">
          <span>{t("version", { version: policy.version })}</span>
          <span aria-hidden>·</span>
          <span>
            {t("updated")} <RelativeTime value={policy.updatedAt} />
          </span>
        </p>
        <fieldset disabled={!gate.allowed || busy} className="space-y-4">
          <ChoiceGroup
            legend={t("mode")}
            layout="cards"
            inputProps={form.register("mode")}
            choices={[
              { value: "backflow", label: t("modes.backflow"), description: t("modes.backflowHint") },
              { value: "cache", label: t("modes.cache"), description: t("modes.cacheHint") },
            ]}
          />
          {mode === "backflow" ? <BackflowFields form={form} clients={clients} /> : <CacheFields form={form} />}
        </fieldset>
        {refusal ? (
          <HeadroomRefusalAlert refusal={refusal} error={update.error} />
        ) : update.error ? (
          <ApiErrorAlert error={update.error} />
        ) : null}
      </DialogBody>
      <DialogFooter>
        <Button onClick={onDone} disabled={busy}>
          {tc("cancel")}
        </Button>
        <GatedButton gate={gate} type="submit" variant="primary" disabled={busy || !isDirty}>
          {busy ? <Spinner /> : null}
          {busy ? t("saving") : t("save")}
        </GatedButton>
      </DialogFooter>
    </form>
  );
}
