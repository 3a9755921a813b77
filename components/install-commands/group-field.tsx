// R19 "default group": registered servers join an existing group, a new one, or none.
"use client";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { Field, Input, Select } from "@/components/ui/field";
import type { Region } from "@/lib/clusters/schemas";
import type { InstallCommandForm } from "./form-values";
import { useGroups } from "./use-install-commands";

export function GroupField({ region, form }: { region: Region; form: InstallCommandForm }) {
  const t = useTranslations("installCommands.create");
  const groups = useGroups(region, true);
  const group = useWatch({ control: form.control, name: "group" });
  const { errors } = form.formState;
  return (
    <div className="space-y-2">
      <Field label={t("group")} hint={groups.isError ? t("groupsLoadError") : t("groupHint")} error={errors.group?.message}>
        {(a) => (
          <Select {...a} {...form.register("group", { deps: ["newGroupName"] })} aria-busy={groups.isPending || undefined}>
            <option value="none">{t("groupNone")}</option>
            {groups.data?.map((g) => (
              <option key={g.id} value={g.id}>
                {t("groupOption", { name: g.name, count: g.assets })}
              </option>
            ))}
            <option value="new">{t("groupNew")}</option>
          </Select>
        )}
      </Field>
      {group === "new" ? (
        <Field label={t("newGroupName")} error={errors.newGroupName?.message} required requiredText={t("required")}>
          {(a) => <Input {...a} {...form.register("newGroupName")} autoComplete="off" autoFocus />}
        </Field>
      ) : null}
    </div>
  );
}
