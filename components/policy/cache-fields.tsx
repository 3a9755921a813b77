// Cache mode (R18): the directory (the file is always export.log in it), the size cap of at
// most 10 GB with the oldest logs overwritten, and the data types the mode can keep.
"use client";
import { useLocale, useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { LimitationsNotice } from "@/components/limitations/limitations-notice";
import { Field, Input } from "@/components/ui/field";
import { CACHE_DATA_TYPES } from "@/lib/policy/data-types";
import { CACHE_FILE, cacheDirSchema, DEFAULT_CACHE_DIR } from "@/lib/policy/schemas";
import { MAX_CACHE_GB, type PolicyForm } from "./form-values";

export function CacheFields({ form }: { form: PolicyForm }) {
  const t = useTranslations("policy.cache");
  const locale = useLocale();
  const cacheDir = useWatch({ control: form.control, name: "cacheDir" });
  const { errors } = form.formState;
  // The file is named only for a directory the API would accept: never "/export.log" for an empty field.
  const dir = cacheDirSchema.safeParse(cacheDir ?? "");
  const file = dir.success ? `${dir.data.replace(/\/+$/, "")}/${CACHE_FILE}` : null;

  return (
    <div className="space-y-4">
      <Field
        label={t("directory")}
        error={errors.cacheDir?.message}
        hint={
          <span>
            {file ? (
              <>
                {t("fileHint")}{" "}
                <code className="font-mono break-all text-slate-800" data-testid="cache-file">
                  {file}
                </code>
                <br />
              </>
            ) : null}
            {t("directoryDefault", { path: DEFAULT_CACHE_DIR })}
          </span>
        }
      >
        {(a) => (
          <Input
            {...a}
            {...form.register("cacheDir")}
            className="font-mono"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
          />
        )}
      </Field>
      <div className="max-w-md">
        <Field label={t("size")} error={errors.cacheMaxGb?.message} hint={t("sizeHint", { max: MAX_CACHE_GB })}>
          {(a) => (
            <div className="flex items-center gap-2">
              <Input
                {...a}
                {...form.register("cacheMaxGb")}
                inputMode="numeric"
                autoComplete="off"
                className="max-w-24 tabular-nums"
              />
              <span className="text-sm text-slate-700">{t("unit")}</span>
            </div>
          )}
        </Field>
      </div>
      <fieldset aria-describedby={errors.dataTypes ? "policy-data-types-error" : "policy-data-types-hint"}>
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("dataTypes")}</legend>
        <div className="grid grid-cols-2 gap-x-4 gap-y-1.5">
          {CACHE_DATA_TYPES.map((type) => (
            <label key={type.id} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" value={type.id} className="size-4 accent-brand-600" {...form.register("dataTypes")} />
              {locale === "ja" ? type.ja : type.en}
            </label>
          ))}
        </div>
        {errors.dataTypes ? (
          <p id="policy-data-types-error" className="mt-1 text-xs text-red-700">
            {errors.dataTypes.message}
          </p>
        ) : null}
        <p id="policy-data-types-hint" className="mt-1 text-xs text-slate-600">
          {t("dataTypesHint")}
        </p>
      </fieldset>
      <LimitationsNotice only={["cache-mode-detection", "cache-mode-data-types"]} />
    </div>
  );
}
