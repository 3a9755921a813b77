// Step 4: delete the cluster (R9) after the same confirmation as the cluster list (issue 13), then
// back to the list with a toast. The step says only what still blocks it.
"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { GatedButton } from "@/components/auth/role-gate";
import type { RoleGate } from "@/components/auth/use-can";
import { DeleteClusterDialog } from "@/components/clusters/delete-cluster-dialog";
import type { ClusterDto } from "@/lib/clusters/serialize";
import type { Region } from "@/lib/clusters/schemas";
import { DeleteStep } from "./delete-step";

type Props = { region: Region; cluster: ClusterDto; proxies: number; gate: RoleGate; onDeleted: () => void };

export function ClusterStep({ region, cluster, proxies, gate, onDeleted }: Props) {
  const t = useTranslations("guidedDelete.cluster");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const clients = cluster.clientCount;
  const ready = proxies === 0 && clients === 0;
  const reason = ready ? undefined : t("blocked", { proxies, clients });
  return (
    <DeleteStep n={4} title={t("title")} state={ready ? "ready" : "blocked"} reason={reason}>
      {ready ? (
        <>
          <p className="[overflow-wrap:anywhere]">{t("body", { name: cluster.name })}</p>
          <GatedButton gate={gate} variant="danger" size="sm" onClick={() => setConfirming(true)}>
            {t("action")}
          </GatedButton>
        </>
      ) : null}
      <DeleteClusterDialog
        region={region}
        cluster={confirming ? cluster : null}
        onClose={() => setConfirming(false)}
        onDeleted={() => {
          onDeleted();
          router.push(`/${region}/clusters`);
        }}
      />
    </DeleteStep>
  );
}
