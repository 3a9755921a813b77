// Step 4: delete the cluster (R9), then back to the list with a toast.
"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { GatedButton } from "@/components/auth/role-gate";
import type { RoleGate } from "@/components/auth/use-can";
import { useDeleteCluster } from "@/components/clusters/use-delete-cluster";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { Spinner } from "@/components/ui/spinner";
import type { ClusterDto } from "@/lib/clusters/serialize";
import type { Region } from "@/lib/clusters/schemas";
import { DeleteStep } from "./delete-step";

type Props = { region: Region; cluster: ClusterDto; proxies: number; gate: RoleGate; onDeleted: () => void };

export function ClusterStep({ region, cluster, proxies, gate, onDeleted }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const remove = useDeleteCluster(region);
  const clients = cluster.clientCount;
  const ready = proxies === 0 && clients === 0;
  const run = () =>
    remove.mutate(cluster.id, {
      onSuccess: () => {
        onDeleted();
        toast.success(t("deleteCluster.deleted", { name: cluster.name }));
        router.push(`/${region}/clusters`);
      },
    });
  return (
    <DeleteStep
      n={4}
      title={t("guidedDelete.cluster.title")}
      state={ready ? "ready" : "blocked"}
      reason={ready ? undefined : t("guidedDelete.cluster.blocked", { proxies, clients })}
    >
      {ready ? (
        <>
          <p>{t("guidedDelete.cluster.body", { name: cluster.name })}</p>
          <GatedButton gate={gate} variant="danger" size="sm" onClick={run} disabled={remove.isPending || remove.isSuccess}>
            {remove.isPending ? <Spinner /> : null}
            {t("guidedDelete.cluster.action")}
          </GatedButton>
        </>
      ) : null}
      {remove.error ? <ApiErrorAlert error={remove.error} /> : null}
    </DeleteStep>
  );
}
