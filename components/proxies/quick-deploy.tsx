// Quick deploy (R5): pick Linux servers of the cluster's region whose agent is online; each
// agent installs the proxy at its next heartbeat, and the proxy shows "deploying" until it reports.
"use client";
import { Rocket, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { toast } from "sonner";
import { useRegionName } from "@/components/clusters/clusters-table";
import type { AssetDto } from "@/components/assets/asset-api";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Button } from "@/components/ui/button";
import { useRowSelection } from "@/components/ui/data-table/use-row-selection";
import { Spinner } from "@/components/ui/spinner";
import { ApiError } from "@/lib/api-client/api-error";
import type { ClusterDto } from "@/lib/clusters/serialize";
import type { Region } from "@/lib/clusters/schemas";
import { CandidateList } from "./candidate-list";
import { isIpCluster } from "./deploy-availability";
import { useQuickDeploy } from "./use-deploy";
import { useProxyErrorText } from "./use-proxy-error-text";

/** The API takes at most 50 servers per quick deploy; an IP-address cluster takes one (R4). */
const MAX_PER_DEPLOY = 50;
const rowId = (asset: AssetDto) => asset.id;

type Props = { region: Region; cluster: ClusterDto; roleReason: string | undefined };

export function QuickDeploy({ region, cluster, roleReason }: Props) {
  const t = useTranslations("deployProxy");
  const router = useRouter();
  const errorText = useProxyErrorText();
  const deploy = useQuickDeploy(region, cluster.id);
  const selection = useRowSelection(rowId);
  const selected = selection.selected;
  const max = isIpCluster(cluster) ? 1 : MAX_PER_DEPLOY;
  const reasonId = useId();
  const regionName = useRegionName(region);

  function unselect(id: string) {
    deploy.reset();
    selection.change({ remove: [id] });
  }

  function submit() {
    const ids = [...selected.keys()];
    deploy.mutate(ids, {
      onSuccess: (result) => {
        toast.success(t("deployed", { count: result.proxies.length }));
        router.push(`/${region}/clusters/${cluster.id}/proxies`);
      },
    });
  }

  // A refusal names the server it is about (details.assetId), e.g. an agent that just went offline.
  function refusal(error: unknown) {
    const assetId = error instanceof ApiError ? (error.details as { assetId?: unknown } | undefined)?.assetId : undefined;
    const host = typeof assetId === "string" ? selected.get(assetId)?.hostname : undefined;
    return host ? t("refusedFor", { host, reason: errorText(error) }) : errorText(error);
  }

  const blocked = roleReason ?? (selected.size === 0 ? t("selectFirst") : undefined);
  return (
    <div className="space-y-3">
      <p className="max-w-3xl text-slate-700">{t("quickIntro")}</p>
      <CandidateList
        region={region}
        caption={t("listCaption", { region: regionName })}
        clusterId={cluster.id}
        selection={selection}
        max={max}
      />
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3">
        <p className="text-sm font-medium" aria-live="polite">
          {t("selected", { count: selected.size })}
          <span className="ml-2 text-xs font-normal text-slate-600">{t("maxSelected", { max })}</span>
        </p>
        <ul className="flex flex-wrap gap-1" aria-label={t("selectedListLabel")}>
          {[...selected.values()].map(({ id, hostname }) => (
            <li key={id}>
              <button
                type="button"
                onClick={() => unselect(id)}
                className="inline-flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800 hover:bg-slate-200"
              >
                {hostname}
                <X aria-hidden className="size-3" />
                <span className="sr-only">{t("unselect", { name: hostname })}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="ml-auto flex items-center gap-2">
          {blocked ? (
            <span id={reasonId} className="text-xs text-slate-600">
              {blocked}
            </span>
          ) : null}
          <Button
            variant="primary"
            onClick={submit}
            disabled={deploy.isPending || Boolean(blocked)}
            aria-describedby={blocked ? reasonId : undefined}
          >
            {deploy.isPending ? <Spinner /> : <Rocket aria-hidden className="size-4" />}
            {deploy.isPending ? t("submitting") : t("submit", { count: selected.size })}
          </Button>
        </div>
      </div>
      {deploy.error ? <ApiErrorAlert error={deploy.error} message={refusal(deploy.error)} /> : null}
    </div>
  );
}
