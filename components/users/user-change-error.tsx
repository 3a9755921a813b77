// Why a role change or a disable was refused: LAST_ADMIN says how to get out; the rest is generic.
"use client";
import { useTranslations } from "next-intl";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Alert } from "@/components/ui/alert";
import { ApiError } from "@/lib/api-client/api-error";

export function UserChangeError({ error }: { error: unknown }) {
  const t = useTranslations("users.lastAdmin");
  if (!error) return null;
  if (error instanceof ApiError && error.code === "LAST_ADMIN") {
    return (
      <Alert tone="warning" title={t("title")}>
        <p>{t("body")}</p>
      </Alert>
    );
  }
  return <ApiErrorAlert error={error} />;
}
