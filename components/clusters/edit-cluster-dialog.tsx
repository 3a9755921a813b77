// Edit cluster: the description (R3) and the minimum of online proxies (issue 16; fixed at 1 for
// an IP cluster, R4) change; name and address are shown read-only.
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
import { Field, Input, Textarea } from "@/components/ui/field";
import { isIpAddressKind } from "@/lib/clusters/address";
import { clusterDescriptionSchema, minOnlineProxiesSchema } from "@/lib/clusters/schemas";
import { useZodErrorMap } from "@/lib/i18n/use-zod-error-map";
import type { ClusterDto } from "./cluster-api";
import { MinOnlineField } from "./min-online-field";
import { useUpdateCluster } from "./use-update-cluster";

/** The form sends both fields; the API's own pieces of updateClusterSchema validate them. */
const editClusterSchema = z.strictObject({ description: clusterDescriptionSchema, minOnlineProxies: minOnlineProxiesSchema });
type EditClusterValues = z.output<typeof editClusterSchema>;

type Props = { cluster: ClusterDto | null; onClose: () => void; returnFocus: () => HTMLElement | null };

export function EditClusterDialog({ cluster, onClose, returnFocus }: Props) {
  const t = useTranslations();
  const update = useUpdateCluster();
  return (
    <Dialog
      open={cluster !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      busy={update.isPending}
      title={t("editCluster.title")}
      description={t("editCluster.description")}
      closeLabel={t("common.close")}
      returnFocus={returnFocus}
    >
      {cluster ? <EditClusterForm key={cluster.id} cluster={cluster} update={update} onDone={onClose} /> : null}
    </Dialog>
  );
}

type FormProps = { cluster: ClusterDto; update: ReturnType<typeof useUpdateCluster>; onDone: () => void };

function EditClusterForm({ cluster, update, onDone }: FormProps) {
  const t = useTranslations();
  const errorMap = useZodErrorMap();
  const ipAddress = isIpAddressKind(cluster.addressKind);
  const form = useForm<z.input<typeof editClusterSchema>, unknown, EditClusterValues>({
    resolver: zodResolver(editClusterSchema, { error: errorMap }),
    defaultValues: { description: cluster.description, minOnlineProxies: cluster.minOnlineProxies },
    // Validate while typing, not on blur: a blur error shifting the footer would move the submit button under the pointer.
    mode: "onChange",
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const placeFieldErrors = useServerFieldErrors(form.setError, ["description", "minOnlineProxies"]);
  const busy = isSubmitting || update.isPending;
  const minimum = useWatch({ control: form.control, name: "minOnlineProxies" });
  const aboveProxies =
    Number.isInteger(minimum) && minimum > cluster.proxyCount
      ? t("editCluster.minAboveProxies", { total: cluster.proxyCount, minimum })
      : undefined;

  const submit = form.handleSubmit(async ({ description, minOnlineProxies }) => {
    try {
      // An IP cluster's minimum is not sent: it stays 1 (R4).
      await update.mutateAsync({ id: cluster.id, description, ...(ipAddress ? {} : { minOnlineProxies }) });
      toast.success(t("editCluster.saved", { name: cluster.name }));
      onDone();
    } catch (error) {
      if (!placeFieldErrors(error)) form.setError("root.server", { type: "server" });
    }
  });

  return (
    <form onSubmit={submit} noValidate className={DIALOG_FORM_CLASS}>
      <DialogBody>
        <div className="grid grid-cols-2 gap-3">
          <Field label={t("createCluster.name")}>{(a) => <Input {...a} value={cluster.name} readOnly />}</Field>
          <Field label={t("createCluster.address")}>
            {(a) => <Input {...a} value={cluster.address} readOnly className="font-mono" />}
          </Field>
        </div>
        <Alert tone="info">{t("editCluster.fixedNote")}</Alert>
        <Field
          label={t("createCluster.descriptionLabel")}
          hint={t("createCluster.descriptionHint")}
          error={errors.description?.message}
        >
          {(a) => <Textarea {...a} {...form.register("description")} rows={4} data-autofocus />}
        </Field>
        <MinOnlineField
          input={form.register("minOnlineProxies", { valueAsNumber: true })}
          ipAddress={ipAddress}
          error={errors.minOnlineProxies?.message}
          note={aboveProxies}
        />
        {errors.root?.server ? <ApiErrorAlert error={update.error} /> : null}
      </DialogBody>
      <DialogActions
        busy={busy}
        onCancel={onDone}
        label={t("editCluster.submit")}
        busyLabel={t("editCluster.submitting")}
        disabledReason={isDirty ? undefined : t("common.nothingChanged")}
      />
    </form>
  );
}
