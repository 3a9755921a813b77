// Edit description: the only field of a cluster that can change (R3); name and address shown read-only.
"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { useServerFieldErrors } from "@/components/forms/use-server-field-errors";
import { Alert } from "@/components/ui/alert";
import { DialogActions } from "@/components/ui/confirm-dialog";
import { Dialog, DIALOG_FORM_CLASS, DialogBody } from "@/components/ui/dialog";
import { Field, Input, Textarea } from "@/components/ui/field";
import { updateClusterSchema, type UpdateClusterInput } from "@/lib/clusters/schemas";
import { useZodErrorMap } from "@/lib/i18n/use-zod-error-map";
import type { ClusterDto } from "./cluster-api";
import { useUpdateClusterDescription } from "./use-update-cluster";

type Props = { cluster: ClusterDto | null; onClose: () => void; returnFocus: () => HTMLElement | null };

export function EditDescriptionDialog({ cluster, onClose, returnFocus }: Props) {
  const t = useTranslations();
  const update = useUpdateClusterDescription();
  return (
    <Dialog
      open={cluster !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      busy={update.isPending}
      title={t("editDescription.title")}
      description={t("editDescription.description")}
      closeLabel={t("common.close")}
      returnFocus={returnFocus}
    >
      {cluster ? <EditDescriptionForm key={cluster.id} cluster={cluster} update={update} onDone={onClose} /> : null}
    </Dialog>
  );
}

type FormProps = { cluster: ClusterDto; update: ReturnType<typeof useUpdateClusterDescription>; onDone: () => void };

function EditDescriptionForm({ cluster, update, onDone }: FormProps) {
  const t = useTranslations();
  const errorMap = useZodErrorMap();
  const form = useForm<z.input<typeof updateClusterSchema>, unknown, UpdateClusterInput>({
    resolver: zodResolver(updateClusterSchema, { error: errorMap }),
    defaultValues: { description: cluster.description },
    // Validate while typing, not on blur: a blur error shifting the footer would move the submit button under the pointer.
    mode: "onChange",
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const placeFieldErrors = useServerFieldErrors(form.setError, ["description"]);
  const busy = isSubmitting || update.isPending;

  const submit = form.handleSubmit(async ({ description }) => {
    try {
      await update.mutateAsync({ id: cluster.id, description });
      toast.success(t("editDescription.saved", { name: cluster.name }));
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
        <Alert tone="info">{t("editDescription.fixedNote")}</Alert>
        <Field
          label={t("createCluster.descriptionLabel")}
          hint={t("createCluster.descriptionHint")}
          error={errors.description?.message}
        >
          {(a) => <Textarea {...a} {...form.register("description")} rows={4} data-autofocus />}
        </Field>
        {errors.root?.server ? <ApiErrorAlert error={update.error} /> : null}
      </DialogBody>
      <DialogActions
        busy={busy}
        onCancel={onDone}
        label={t("editDescription.submit")}
        busyLabel={t("editDescription.submitting")}
        disabledReason={isDirty ? undefined : t("common.nothingChanged")}
      />
    </form>
  );
}
