// Create an API token (admin): name, role, expiry in days or none. The token is shown once,
// with a copy button and a warning; closing the dialog forgets it.
"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { RoleField } from "@/components/auth/role-field";
import { ShownOnceStep } from "@/components/auth/shown-once";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { useServerFieldErrors } from "@/components/forms/use-server-field-errors";
import { DialogActions } from "@/components/ui/confirm-dialog";
import { Dialog, DIALOG_FORM_CLASS, DialogBody } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { createTokenSchema } from "@/lib/auth/schemas";
import { useZodErrorMap } from "@/lib/i18n/use-zod-error-map";
import type { CreatedToken } from "./tokens-api";
import { useCreateToken } from "./use-create-token";

type Props = { open: boolean; onOpenChange: (open: boolean) => void };

export function CreateTokenDialog({ open, onOpenChange }: Props) {
  const t = useTranslations();
  const create = useCreateToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);

  function close() {
    setCreated(null);
    create.reset();
    onOpenChange(false);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      busy={create.isPending}
      title={created ? t("tokens.created.title") : t("tokens.create.title")}
      description={created ? undefined : t("tokens.create.description")}
      closeLabel={t("common.close")}
    >
      {!open ? null : created ? (
        <ShownOnceStep
          intro={t("tokens.created.body", { name: created.name })}
          label={t("tokens.created.tokenLabel")}
          value={created.token}
          warning={t("tokens.created.warning")}
          copyLabel={t("tokens.created.copy")}
          doneLabel={t("tokens.created.done")}
          onDone={close}
        >
          <div className="space-y-1">
            <p className="text-xs text-slate-600">{t("tokens.created.usage")}</p>
            <pre className="rounded bg-slate-900 px-3 py-2 font-mono text-xs whitespace-pre-wrap text-slate-100 [overflow-wrap:anywhere]">
              {`curl -H "Authorization: Bearer $TOKEN" ${window.location.origin}/api/v1/clusters?region=intl`}
            </pre>
          </div>
        </ShownOnceStep>
      ) : (
        <CreateTokenForm create={create} onCancel={close} onCreated={setCreated} />
      )}
    </Dialog>
  );
}

type FormProps = { create: ReturnType<typeof useCreateToken>; onCancel: () => void; onCreated: (token: CreatedToken) => void };

const DEFAULT_DAYS = 90;

function CreateTokenForm({ create, onCancel, onCreated }: FormProps) {
  const t = useTranslations();
  const errorMap = useZodErrorMap();
  const [expires, setExpires] = useState(true);
  const form = useForm<z.input<typeof createTokenSchema>, unknown, z.output<typeof createTokenSchema>>({
    resolver: zodResolver(createTokenSchema, { error: errorMap }),
    defaultValues: { name: "", role: "operator", expiresInDays: DEFAULT_DAYS },
    mode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;
  const placeFieldErrors = useServerFieldErrors(form.setError, ["name", "role", "expiresInDays"]);
  const busy = isSubmitting || create.isPending;

  function chooseExpiry(next: boolean) {
    setExpires(next);
    form.setValue("expiresInDays", next ? DEFAULT_DAYS : null, { shouldValidate: true });
  }

  const submit = form.handleSubmit(async (input) => {
    try {
      const token = await create.mutateAsync(input);
      toast.success(t("tokens.create.done", { name: token.name }));
      onCreated(token);
    } catch (error) {
      if (!placeFieldErrors(error)) form.setError("root.server", { type: "server" });
    }
  });

  return (
    <form onSubmit={submit} noValidate className={DIALOG_FORM_CLASS}>
      <DialogBody>
        <Field
          label={t("tokens.fields.name")}
          hint={t("tokens.create.nameHint")}
          error={errors.name?.message}
          required
          requiredText={t("common.requiredField")}
        >
          {(a) => <Input {...a} {...form.register("name")} autoComplete="off" data-autofocus />}
        </Field>
        <RoleField legend={t("tokens.fields.role")} error={errors.role?.message} registration={form.register("role")} />
        <fieldset className="space-y-1.5">
          <legend className="mb-1 block text-sm font-medium text-slate-800">{t("tokens.fields.expiry")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="expiry-mode"
              checked={expires}
              onChange={() => chooseExpiry(true)}
              className="accent-brand-600"
            />
            {t("tokens.create.expiresAfter")}
          </label>
          {expires ? (
            <div className="pl-6">
              <Field label={t("tokens.fields.days")} error={errors.expiresInDays ? t("tokens.create.daysInvalid") : undefined}>
                {(a) => (
                  <Input
                    {...a}
                    {...form.register("expiresInDays", { setValueAs: (v) => (v === "" || v === null ? Number.NaN : Number(v)) })}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={3650}
                    className="w-28"
                  />
                )}
              </Field>
            </div>
          ) : null}
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="expiry-mode"
              checked={!expires}
              onChange={() => chooseExpiry(false)}
              className="accent-brand-600"
            />
            {t("tokens.create.neverExpires")}
          </label>
          {!expires ? <p className="pl-6 text-xs text-amber-800">{t("tokens.create.neverHint")}</p> : null}
        </fieldset>
        {errors.root?.server ? <ApiErrorAlert error={create.error} /> : null}
      </DialogBody>
      <DialogActions
        busy={busy}
        onCancel={onCancel}
        label={t("tokens.create.submit")}
        busyLabel={t("tokens.create.submitting")}
      />
    </form>
  );
}
