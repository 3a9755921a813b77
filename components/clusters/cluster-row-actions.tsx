// The actions menu of one cluster row. Deploy proxy and Server basic info open the cluster's
// proxy pages, Access clients its client access panel; changes a role may not make say why.
"use client";
import { Pencil, Rocket, Server, SlidersHorizontal, Trash2, UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRoleGate } from "@/components/auth/use-can";
import { ProxySettingsDialog } from "@/components/policy/proxy-settings-dialog";
import { MenuItem, MenuSeparator, RowMenu } from "@/components/ui/menu";
import type { Region } from "@/lib/clusters/schemas";
import type { ClusterDto } from "./cluster-api";

type Props = { region: Region; cluster: ClusterDto; onEdit: () => void; onDelete: () => void };

export function ClusterRowActions({ region, cluster, onEdit, onDelete }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const proxiesHref = `/${region}/clusters/${cluster.id}/proxies`;
  const label = t("clusters.actions.menuLabel", { name: cluster.name });
  // Changes need the operator role; a viewer sees them disabled with the reason.
  const operator = useRoleGate("operator");
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <RowMenu
      label={label}
      rowId={cluster.id}
      after={
        <ProxySettingsDialog
          cluster={cluster}
          open={settingsOpen}
          onClose={() => setSettingsOpen(false)}
          returnFocus={() => document.querySelector<HTMLElement>(`[data-actions-for="${cluster.id}"]`)}
        />
      }
    >
      {(opens) => (
        <>
          <MenuItem icon={<Pencil className="size-4" />} onSelect={opens(onEdit)} disabledReason={operator.short}>
            {t("clusters.actions.edit")}
          </MenuItem>
          <MenuSeparator />
          <MenuItem
            icon={<Rocket className="size-4" />}
            onSelect={opens(() => router.push(`${proxiesHref}/deploy`))}
            disabledReason={operator.short}
          >
            {t("clusters.actions.deployProxy")}
          </MenuItem>
          <MenuItem icon={<Server className="size-4" />} onSelect={opens(() => router.push(proxiesHref))}>
            {t("clusters.actions.serverInfo")}
          </MenuItem>
          <MenuItem icon={<SlidersHorizontal className="size-4" />} onSelect={opens(() => setSettingsOpen(true))}>
            {t("clusters.actions.proxySettings")}
          </MenuItem>
          <MenuItem
            icon={<UserPlus className="size-4" />}
            onSelect={opens(() => router.push(`/${region}/clusters/${cluster.id}/access`))}
          >
            {t("clusters.actions.accessClients")}
          </MenuItem>
          <MenuSeparator />
          <MenuItem icon={<Trash2 className="size-4" />} onSelect={opens(onDelete)} disabledReason={operator.short} danger>
            {t("clusters.actions.delete")}
          </MenuItem>
        </>
      )}
    </RowMenu>
  );
}
