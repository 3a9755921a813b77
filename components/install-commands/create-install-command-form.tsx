// The parameters of an install command (R19), validated with the API's own schema as they change.
"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { useClusters } from "@/components/clusters/use-clusters";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { useServerFieldErrors } from "@/components/forms/use-server-field-errors";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { DialogActions } from "@/components/ui/confirm-dialog";
import { DIALOG_FORM_CLASS, DialogBody } from "@/components/ui/dialog";
import { Field, Select } from "@/components/ui/field";
import type { Region } from "@/lib/clusters/schemas";
import type { CreateInstallCommandInput } from "@/lib/install-commands/schemas";
import { isClusterServing } from "@/lib/proxies/status";
import { useZodErrorMap } from "@/lib/i18n/use-zod-error-map";
import type { CreatedView } from "./create-install-command-dialog";
import { ExpiryField } from "./expiry-field";
import { defaultValues, installCommandResolver, PROVIDERS, type FormValues } from "./form-values";
import { GroupField } from "./group-field";
import { ProxyField } from "./proxy-field";
import type { useCreateInstallCommand } from "./use-install-commands";

type Props = {
  region: Region;
  clusterId: string | null;
  create: ReturnType<typeof useCreateInstallCommand>;
  onCancel: () => void;
  onCreated: (view: CreatedView) => void;
};

export function CreateInstallCommandForm({ region, clusterId, create, onCancel, onCreated }: Props) {
  const t = useTranslations();
  const tc = useTranslations("installCommands.create");
  const errorMap = useZodErrorMap();
  const clusters = useClusters(region, "");
  const resolver = useMemo(
    () =>
      installCommandResolver(region, errorMap, {
        chooseCluster: tc("chooseCluster"),
        chooseDate: tc("chooseDate"),
        dateInPast: tc("dateInPast"),
        dateTooFar: tc("dateTooFar"),
      }),
    [region, errorMap, tc],
  );
  const form = useForm<FormValues, unknown, CreateInstallCommandInput>({
    resolver,
    defaultValues: defaultValues(clusterId),
    // Validate while typing, not on blur: a blur error shifting the footer would move the submit button under the pointer.
    mode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;
  const placeFieldErrors = useServerFieldErrors(form.setError, ["provider", "os", "newGroupName"]);
  const busy = isSubmitting || create.isPending;
  const os = useWatch({ control: form.control, name: "os" });

  const submit = form.handleSubmit(async (input) => {
    const cluster = clusters.data?.find((c) => c.id === input.clusterId);
    // R6: a cluster that went offline since the dialog opened cannot take registrations.
    if (input.clusterId && cluster && !isClusterServing(cluster.status)) {
      form.setError("clusterId", { type: "offline", message: tc("clusterWentOffline") }, { shouldFocus: true });
      return;
    }
    try {
      const created = await create.mutateAsync(input);
      toast.success(tc("created"));
      onCreated({ created, os: input.os, clusterName: cluster?.name ?? null });
    } catch (error) {
      if (!placeFieldErrors(error)) form.setError("root.server", { type: "server" });
    }
  });

  return (
    <form onSubmit={submit} noValidate className={DIALOG_FORM_CLASS}>
      <DialogBody>
        <ExpiryField form={form} />
        <div className="grid grid-cols-2 gap-3">
          <Field label={tc("provider")} error={errors.provider?.message} hint={tc("providerHint")}>
            {(a) => (
              <Select {...a} {...form.register("provider")}>
                {PROVIDERS.map((p) => (
                  <option key={p} value={p}>
                    {t(`installCommands.providers.${p}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <GroupField region={region} form={form} />
        </div>
        <ChoiceGroup
          legend={tc("os")}
          inputProps={form.register("os")}
          error={errors.os?.message}
          choices={[
            { value: "linux", label: t("installCommands.os.linux") },
            { value: "windows", label: t("installCommands.os.windows") },
          ]}
          hint={os === "linux" ? tc("osLinuxHint") : tc("osWindowsHint")}
        />
        <ChoiceGroup
          legend={tc("createImage")}
          inputProps={form.register("createImage")}
          error={errors.createImage?.message}
          choices={[
            { value: "no", label: tc("createImageNo") },
            { value: "yes", label: tc("createImageYes") },
          ]}
          hint={tc("createImageHint")}
        />
        <ProxyField
          region={region}
          form={form}
          clusters={{
            data: clusters.data,
            error: clusters.error,
            isError: clusters.isError,
            refetch: () => void clusters.refetch(),
          }}
        />
        {errors.root?.message ? <p className="text-xs text-red-700">{errors.root.message}</p> : null}
        {errors.root?.server ? <ApiErrorAlert error={create.error} /> : null}
      </DialogBody>
      <DialogActions busy={busy} onCancel={onCancel} label={tc("submit")} busyLabel={tc("submitting")} />
    </form>
  );
}
