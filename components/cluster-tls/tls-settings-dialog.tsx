// TLS settings of a cluster (issue 17): require TLS (the proxies refuse plain HTTP from agents)
// and the TLS port. Validated with the API's own schema pieces.
"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { useServerFieldErrors } from "@/components/forms/use-server-field-errors";
import { Alert } from "@/components/ui/alert";
import { DialogActions } from "@/components/ui/confirm-dialog";
import { Dialog, DIALOG_FORM_CLASS, DialogBody } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { tlsPortSchema } from "@/lib/clusters/schemas";
import { useZodErrorMap } from "@/lib/i18n/use-zod-error-map";
import type { ClusterTlsDto } from "@/lib/pki/cluster-tls";
import { useUpdateClusterTls } from "./tls-api";

const tlsSettingsSchema = z.strictObject({ requireTls: z.boolean(), tlsPort: tlsPortSchema });
type TlsValues = z.output<typeof tlsSettingsSchema>;

type Props = { clusterId: string; tls: ClusterTlsDto | null; onClose: () => void };

export function TlsSettingsDialog({ clusterId, tls, onClose }: Props) {
  const t = useTranslations();
  const update = useUpdateClusterTls(clusterId);
  return (
    <Dialog
      open={tls !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      busy={update.isPending}
      title={t("clusterTls.dialogTitle")}
      description={t("clusterTls.dialogDescription")}
      closeLabel={t("common.close")}
    >
      {tls ? <TlsForm tls={tls} update={update} onDone={onClose} /> : null}
    </Dialog>
  );
}

function TlsForm({
  tls,
  update,
  onDone,
}: {
  tls: ClusterTlsDto;
  update: ReturnType<typeof useUpdateClusterTls>;
  onDone: () => void;
}) {
  const t = useTranslations();
  const errorMap = useZodErrorMap();
  const form = useForm<z.input<typeof tlsSettingsSchema>, unknown, TlsValues>({
    resolver: zodResolver(tlsSettingsSchema, { error: errorMap }),
    defaultValues: { requireTls: tls.requireTls, tlsPort: tls.tlsPort },
    mode: "onChange",
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const placeFieldErrors = useServerFieldErrors(form.setError, ["tlsPort"]);
  const requireTls = useWatch({ control: form.control, name: "requireTls" });
  const port = useWatch({ control: form.control, name: "tlsPort" });
  const busy = isSubmitting || update.isPending;
  const submit = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync(values);
      toast.success(t("clusterTls.saved"));
      onDone();
    } catch (error) {
      if (!placeFieldErrors(error)) form.setError("root.server", { type: "server" });
    }
  });
  return (
    <form onSubmit={submit} noValidate className={DIALOG_FORM_CLASS}>
      <DialogBody>
        <Field label={t("clusterTls.port")} hint={t("clusterTls.portHint")} error={errors.tlsPort?.message}>
          {(a) => (
            <Input
              {...a}
              type="number"
              min={1}
              max={65535}
              {...form.register("tlsPort", { valueAsNumber: true })}
              data-autofocus
            />
          )}
        </Field>
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input type="checkbox" className="mt-0.5" {...form.register("requireTls")} />
          <span>
            <span className="block font-medium">{t("clusterTls.require")}</span>
            <span className="block text-xs text-slate-600">{t("clusterTls.requireHint")}</span>
          </span>
        </label>
        {requireTls && !tls.requireTls ? <Alert tone="warning">{t("clusterTls.requireWarning")}</Alert> : null}
        {Number.isInteger(port) && port !== tls.tlsPort ? (
          <Alert tone="warning">{t("clusterTls.portWarning", { from: tls.tlsPort })}</Alert>
        ) : null}
        {errors.root?.server ? <ApiErrorAlert error={update.error} /> : null}
      </DialogBody>
      <DialogActions
        busy={busy}
        onCancel={onDone}
        label={t("clusterTls.submit")}
        busyLabel={t("clusterTls.submitting")}
        disabledReason={isDirty ? undefined : t("common.nothingChanged")}
      />
    </form>
  );
}
