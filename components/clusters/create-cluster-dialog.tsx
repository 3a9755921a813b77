// Create cluster (SPEC §4 screen 2): validated inline with the API's own schema; R3 and R4 explained;
// the minimum of online proxies (issue 16), fixed at 1 while the address is an IP address.
"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { useServerFieldErrors } from "@/components/forms/use-server-field-errors";
import { Alert } from "@/components/ui/alert";
import { DialogActions } from "@/components/ui/confirm-dialog";
import { Dialog, DIALOG_FORM_CLASS, DialogBody } from "@/components/ui/dialog";
import { Field, Input, Textarea } from "@/components/ui/field";
import { PlannerPanel } from "@/components/planning/planner-panel";
import { classifyAddress, isIpAddressKind } from "@/lib/clusters/address";
import { createClusterSchema, type CreateClusterInput, type Region } from "@/lib/clusters/schemas";
import { useZodErrorMap } from "@/lib/i18n/use-zod-error-map";
import { AddressHint } from "./address-hint";
import { useRegionName } from "./clusters-table";
import { MinOnlineField } from "./min-online-field";
import { useCreateCluster } from "./use-create-cluster";

type Props = { region: Region; open: boolean; onOpenChange: (open: boolean) => void };

export function CreateClusterDialog({ region, open, onOpenChange }: Props) {
  const t = useTranslations();
  const create = useCreateCluster();
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      busy={create.isPending}
      title={t("createCluster.title")}
      description={t("createCluster.description", { region: useRegionName(region) })}
      closeLabel={t("common.close")}
    >
      {/* Mounted only while open, so every opening starts with an empty form. */}
      {open ? <CreateClusterForm region={region} onDone={() => onOpenChange(false)} create={create} /> : null}
    </Dialog>
  );
}

type FormProps = { region: Region; onDone: () => void; create: ReturnType<typeof useCreateCluster> };

function CreateClusterForm({ region, onDone, create }: FormProps) {
  const t = useTranslations();
  const errorMap = useZodErrorMap();
  const form = useForm<z.input<typeof createClusterSchema>, unknown, z.output<typeof createClusterSchema>>({
    resolver: zodResolver(createClusterSchema, { error: errorMap }),
    defaultValues: { region, name: "", address: "", description: "", minOnlineProxies: 1 },
    // Validate while typing, not on blur: a blur error shifting the footer would move the submit button under the pointer.
    mode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;
  const placeFieldErrors = useServerFieldErrors(form.setError, ["name", "address", "description", "minOnlineProxies"]);
  const busy = isSubmitting || create.isPending;
  const address = useWatch({ control: form.control, name: "address" });
  const checked = classifyAddress(address ?? "");
  const ipAddress = checked.ok && isIpAddressKind(checked.kind);

  const submit = form.handleSubmit(async (values) => {
    // R4: an IP cluster's minimum is 1, whatever was typed before the address became an IP.
    const input: CreateClusterInput = ipAddress ? { ...values, minOnlineProxies: 1 } : values;
    try {
      const cluster = await create.mutateAsync(input);
      toast.success(t("createCluster.created", { name: cluster.name }));
      onDone();
    } catch (error) {
      if (!placeFieldErrors(error)) form.setError("root.server", { type: "server" });
    }
  });

  return (
    <form onSubmit={submit} noValidate className={DIALOG_FORM_CLASS}>
      <DialogBody>
        <Alert tone="info">{t("createCluster.immutableNote")}</Alert>
        <Field
          label={t("createCluster.name")}
          hint={t("createCluster.nameHint")}
          error={errors.name?.message}
          required
          requiredText={t("common.requiredField")}
        >
          {(a) => <Input {...a} {...form.register("name")} autoComplete="off" data-autofocus />}
        </Field>
        <Field
          label={t("createCluster.address")}
          hint={
            <div className="space-y-1.5">
              <p>{t("createCluster.addressHint")}</p>
              <AddressHint address={address ?? ""} />
            </div>
          }
          error={errors.address?.message}
          required
          requiredText={t("common.requiredField")}
        >
          {(a) => (
            <Input
              {...a}
              {...form.register("address")}
              className="font-mono"
              placeholder={t("createCluster.addressPlaceholder")}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="none"
            />
          )}
        </Field>
        <Field
          label={t("createCluster.descriptionLabel")}
          hint={t("createCluster.descriptionHint")}
          error={errors.description?.message}
        >
          {(a) => <Textarea {...a} {...form.register("description")} rows={3} />}
        </Field>
        <MinOnlineField
          input={form.register("minOnlineProxies", { valueAsNumber: true })}
          ipAddress={ipAddress}
          error={errors.minOnlineProxies?.message}
        />
        <PlannerPanel />
        {errors.root?.server ? <ApiErrorAlert error={create.error} /> : null}
      </DialogBody>
      <DialogActions busy={busy} onCancel={onDone} label={t("createCluster.submit")} busyLabel={t("createCluster.submitting")} />
    </form>
  );
}
