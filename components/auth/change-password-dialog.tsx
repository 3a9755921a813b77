// Change one's own password (e.g. after signing in with a temporary one); other sessions end.
"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, type UseMutationResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { useServerFieldErrors } from "@/components/forms/use-server-field-errors";
import { DialogActions } from "@/components/ui/confirm-dialog";
import { Dialog, DIALOG_FORM_CLASS, DialogBody } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { ApiError } from "@/lib/api-client/api-error";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { useZodErrorMap } from "@/lib/i18n/use-zod-error-map";
import { changePassword } from "./auth-api";

type Props = { open: boolean; onOpenChange: (open: boolean) => void };

export function ChangePasswordDialog({ open, onOpenChange }: Props) {
  const t = useTranslations();
  const mutation = useMutation({ mutationFn: changePassword });
  function close() {
    mutation.reset();
    onOpenChange(false);
  }
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      busy={mutation.isPending}
      title={t("account.password.title")}
      description={t("account.password.description")}
      closeLabel={t("common.close")}
    >
      {open ? <ChangePasswordForm mutation={mutation} onDone={close} /> : null}
    </Dialog>
  );
}

type FormProps = { mutation: UseMutationResult<void, Error, z.output<typeof changePasswordSchema>>; onDone: () => void };

function ChangePasswordForm({ mutation, onDone }: FormProps) {
  const t = useTranslations();
  const errorMap = useZodErrorMap();
  const form = useForm<z.input<typeof changePasswordSchema>, unknown, z.output<typeof changePasswordSchema>>({
    resolver: zodResolver(changePasswordSchema, { error: errorMap }),
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const placeFieldErrors = useServerFieldErrors(form.setError, ["currentPassword", "newPassword"]);
  const busy = isSubmitting || mutation.isPending;

  const submit = form.handleSubmit(async (input) => {
    try {
      await mutation.mutateAsync(input);
      toast.success(t("account.password.done"));
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.code === "INVALID_CREDENTIALS") {
        form.setError("currentPassword", { type: "server", message: t("account.password.wrongCurrent") }, { shouldFocus: true });
      } else if (!placeFieldErrors(error)) {
        form.setError("root.server", { type: "server" });
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate className={DIALOG_FORM_CLASS}>
      <DialogBody>
        <Field
          label={t("account.password.current")}
          error={errors.currentPassword?.message}
          required
          requiredText={t("common.requiredField")}
        >
          {(a) => (
            <Input {...a} {...form.register("currentPassword")} type="password" autoComplete="current-password" data-autofocus />
          )}
        </Field>
        <Field
          label={t("account.password.new")}
          hint={t("account.password.newHint")}
          error={errors.newPassword?.message}
          required
          requiredText={t("common.requiredField")}
        >
          {(a) => <Input {...a} {...form.register("newPassword")} type="password" autoComplete="new-password" />}
        </Field>
        {errors.root?.server ? <ApiErrorAlert error={mutation.error} /> : null}
      </DialogBody>
      <DialogActions
        busy={busy}
        onCancel={onDone}
        label={t("account.password.submit")}
        busyLabel={t("account.password.submitting")}
      />
    </form>
  );
}
