// Delete a cluster after confirmation; a refusal (R9, CLUSTER_NOT_EMPTY) explains what blocks it.
"use client";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { ApiError } from "@/lib/api-client/api-error";
import type { Region } from "@/lib/clusters/schemas";
import type { ClusterDto } from "./cluster-api";
import { DeleteBlocked, notEmptyCounts } from "./delete-blocked";
import { useDeleteCluster } from "./use-delete-cluster";

type Props = { region: Region; cluster: ClusterDto | null; onClose: () => void; returnFocus: () => HTMLElement | null };

export function DeleteClusterDialog({ region, cluster, onClose, returnFocus }: Props) {
  const t = useTranslations();
  const remove = useDeleteCluster(region);
  const blocked = notEmptyCounts(remove.error);

  function close() {
    remove.reset();
    onClose();
  }

  function confirm() {
    if (!cluster) return;
    remove.mutate(cluster.id, {
      onSuccess: () => {
        toast.success(t("deleteCluster.deleted", { name: cluster.name }));
        close();
      },
      onError: (error) => {
        // Someone else deleted it meanwhile: the goal is reached, the list refreshes.
        if (error instanceof ApiError && error.code === "NOT_FOUND") {
          toast.info(t("errors.NOT_FOUND"));
          close();
        }
      },
    });
  }

  return (
    <Dialog
      role="alertdialog"
      open={cluster !== null}
      onOpenChange={(open) => (open ? undefined : close())}
      busy={remove.isPending}
      title={t("deleteCluster.title")}
      closeLabel={t("common.close")}
      returnFocus={returnFocus}
    >
      {cluster ? (
        <>
          <DialogBody>
            <p className="text-slate-800">{t("deleteCluster.confirm", { name: cluster.name })}</p>
            {blocked ? <DeleteBlocked {...blocked} /> : remove.error ? <ApiErrorAlert error={remove.error} /> : null}
          </DialogBody>
          <DialogFooter>
            <Button onClick={close} disabled={remove.isPending} data-autofocus>
              {blocked ? t("common.close") : t("common.cancel")}
            </Button>
            {blocked ? null : (
              <Button variant="danger" onClick={confirm} disabled={remove.isPending}>
                {remove.isPending ? <Spinner /> : null}
                {remove.isPending ? t("deleteCluster.submitting") : t("deleteCluster.submit")}
              </Button>
            )}
          </DialogFooter>
        </>
      ) : null}
    </Dialog>
  );
}
