// Proxy settings (SPEC §4 screen 8): how the cluster's proxies send collected data — backflow
// with optional limits (R17) or a local cache (R18). Loads the current policy and its version.
"use client";
import { useTranslations } from "next-intl";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import type { ClusterDto } from "@/lib/clusters/serialize";
import { ProxySettingsForm } from "./proxy-settings-form";
import { usePolicy, useUpdatePolicy } from "./use-policy";

type Props = { cluster: ClusterDto; open: boolean; onClose: () => void; returnFocus?: () => HTMLElement | null };

export function ProxySettingsDialog({ cluster, open, onClose, returnFocus }: Props) {
  const t = useTranslations();
  const update = useUpdatePolicy(cluster.id, cluster.region);
  function close() {
    update.reset();
    onClose();
  }
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? undefined : close())}
      busy={update.isPending}
      title={t("policy.title", { name: cluster.name })}
      description={t("policy.description")}
      closeLabel={t("common.close")}
      returnFocus={returnFocus}
    >
      {open ? <PolicyLoader cluster={cluster} update={update} onClose={close} /> : null}
    </Dialog>
  );
}

type LoaderProps = { cluster: ClusterDto; update: ReturnType<typeof useUpdatePolicy>; onClose: () => void };

function PolicyLoader({ cluster, update, onClose }: LoaderProps) {
  const t = useTranslations();
  const policy = usePolicy(cluster.id);
  if (policy.data)
    return <ProxySettingsForm key={cluster.id} cluster={cluster} policy={policy.data} update={update} onDone={onClose} />;
  return (
    <>
      <DialogBody>
        {policy.isError ? (
          <ApiErrorAlert
            error={policy.error}
            title={t("policy.loadError")}
            onRetry={() => void policy.refetch()}
            retrying={policy.isFetching}
          />
        ) : (
          <div className="space-y-3" aria-busy>
            <p role="status" className="sr-only">
              {t("policy.loading")}
            </p>
            <Skeleton className="h-16 w-full" />
            <Skeleton className="h-16 w-full" />
            <Skeleton className="h-24 w-full" />
          </div>
        )}
      </DialogBody>
      <DialogFooter>
        <Button onClick={onClose} data-autofocus>
          {t("common.cancel")}
        </Button>
      </DialogFooter>
    </>
  );
}
