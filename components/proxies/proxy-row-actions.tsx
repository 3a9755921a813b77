// The actions menu of one proxy row: Upgrade (R10), Stop, Delete (R8). Unavailable actions stay
// listed and say why, as text under the label (never a hover).
"use client";
import { ArrowUpCircle, Square, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { MenuItem, MenuSeparator, RowMenu } from "@/components/ui/menu";
import type { ProxyDto } from "./proxy-api";

export type ProxyAction = "upgrade" | "stop" | "delete";

type Props = {
  proxy: ProxyDto;
  /** Why the signed-in user may not change proxies at all (a viewer), else null. */
  roleReason: string | undefined;
  onAction: (action: ProxyAction) => void;
};

export function isRunning(proxy: Pick<ProxyDto, "status">) {
  return proxy.status === "online" || proxy.status === "upgrading";
}

export function ProxyRowActions({ proxy, roleReason, onAction }: Props) {
  const t = useTranslations("proxies");
  const label = t("actions.menuLabel", { name: proxy.asset.hostname });
  const upgradeReason = roleReason ?? (proxy.upgradeBlockedBy ? t(`upgradeBlocked.${proxy.upgradeBlockedBy}`) : undefined);
  const stopReason = roleReason ?? (isRunning(proxy) ? undefined : t("stopBlocked"));
  const deleteReason = roleReason ?? (proxy.canDelete ? undefined : t("deleteBlocked"));
  return (
    <RowMenu label={label} rowId={proxy.id}>
      {(opens) => (
        <>
          <MenuItem
            icon={<ArrowUpCircle className="size-4" />}
            onSelect={opens(() => onAction("upgrade"))}
            disabledReason={upgradeReason}
          >
            {t("actions.upgrade")}
          </MenuItem>
          <MenuItem icon={<Square className="size-4" />} onSelect={opens(() => onAction("stop"))} disabledReason={stopReason}>
            {t("actions.stop")}
          </MenuItem>
          <MenuSeparator />
          <MenuItem
            icon={<Trash2 className="size-4" />}
            onSelect={opens(() => onAction("delete"))}
            disabledReason={deleteReason}
            danger
          >
            {t("actions.delete")}
          </MenuItem>
        </>
      )}
    </RowMenu>
  );
}
