// Delete a cluster after confirmation; a refusal (R9, CLUSTER_NOT_EMPTY) explains what blocks it.
"use client";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ApiError } from "@/lib/api-client/api-error";
import type { Region } from "@/lib/clusters/schemas";
import type { ClusterDto } from "./cluster-api";
import { DeleteBlocked, notEmptyCounts } from "./delete-blocked";
import { useDeleteCluster } from "./use-delete-cluster";

type Props = {
  region: Region;
  cluster: ClusterDto | null;
  onClose: () => void;
  /** After the delete succeeded (the guided deletion leaves the page). */
  onDeleted?: () => void;
  returnFocus?: () => HTMLElement | null;
};

export function DeleteClusterDialog({ region, cluster, onClose, onDeleted, returnFocus }: Props) {
  const t = useTranslations();
  const remove = useDeleteCluster(region);
  const blocked = notEmptyCounts(remove.error);

  function close() {
    remove.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      subject={cluster}
      title={t("deleteCluster.title")}
      busy={remove.isPending}
      blocked={blocked !== null}
      label={t("deleteCluster.submit")}
      busyLabel={t("deleteCluster.submitting")}
      onClose={close}
      returnFocus={returnFocus}
      onConfirm={(cluster) =>
        remove.mutate(cluster.id, {
          onSuccess: () => {
            toast.success(t("deleteCluster.deleted", { name: cluster.name }));
            close();
            onDeleted?.();
          },
          onError: (error) => {
            // Someone else deleted it meanwhile: the goal is reached, the list refreshes.
            if (error instanceof ApiError && error.code === "NOT_FOUND") {
              toast.info(t("errors.NOT_FOUND"));
              close();
            }
          },
        })
      }
    >
      {(cluster) => (
        <>
          <p className="text-slate-800">{t("deleteCluster.confirm", { name: cluster.name })}</p>
          {blocked ? <DeleteBlocked {...blocked} /> : remove.error ? <ApiErrorAlert error={remove.error} /> : null}
        </>
      )}
    </ConfirmDialog>
  );
}
