// Why a cluster cannot be deleted yet (R9), with the numbers and the steps that unblock it.
"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { ApiError } from "@/lib/api-client/api-error";

export type NotEmptyCounts = { proxies: number; clients: number };

export function notEmptyCounts(error: unknown): NotEmptyCounts | null {
  if (!(error instanceof ApiError) || error.code !== "CLUSTER_NOT_EMPTY") return null;
  const details = error.details as Partial<NotEmptyCounts> | undefined;
  return { proxies: Number(details?.proxies ?? 0), clients: Number(details?.clients ?? 0) };
}

export function DeleteBlocked({ proxies, clients }: NotEmptyCounts) {
  const t = useTranslations("deleteCluster");
  return (
    <Alert tone="warning" title={t("blockedTitle")}>
      <p>{t("blockedBody", { proxies, clients })}</p>
      <p className="pt-1 font-medium">{t("blockedStepsTitle")}</p>
      <ol className="list-decimal space-y-0.5 pl-5">
        {clients > 0 ? <li>{t("stepClients")}</li> : null}
        {proxies > 0 ? <li>{t("stepProxies")}</li> : null}
        <li>{t("stepCluster")}</li>
      </ol>
    </Alert>
  );
}
