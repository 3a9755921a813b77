// The actions menu of one proxy row: Upgrade (R10), Stop, Delete (R8). Unavailable actions stay
// listed and say why, as text under the label (never a hover).
"use client";
import { ArrowUpCircle, Ellipsis, Square, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import { Menu, MenuContent, MenuItem, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
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
  const openedDialog = useRef(false);
  const open = (action: ProxyAction) => () => {
    openedDialog.current = true;
    onAction(action);
  };
  const returnFocus = () => {
    const refocus = !openedDialog.current;
    openedDialog.current = false;
    return refocus;
  };
  const upgradeReason = roleReason ?? (proxy.upgradeBlockedBy ? t(`upgradeBlocked.${proxy.upgradeBlockedBy}`) : undefined);
  const stopReason = roleReason ?? (isRunning(proxy) ? undefined : t("stopBlocked"));
  const deleteReason = roleReason ?? (proxy.canDelete ? undefined : t("deleteBlocked"));
  return (
    <Menu>
      <MenuTrigger aria-label={label} className={buttonClass("ghost", "sm")} data-actions-for={proxy.id}>
        <Ellipsis aria-hidden className="size-4" />
      </MenuTrigger>
      <MenuContent label={label} returnFocus={returnFocus}>
        <MenuItem icon={<ArrowUpCircle className="size-4" />} onSelect={open("upgrade")} disabledReason={upgradeReason}>
          {t("actions.upgrade")}
        </MenuItem>
        <MenuItem icon={<Square className="size-4" />} onSelect={open("stop")} disabledReason={stopReason}>
          {t("actions.stop")}
        </MenuItem>
        <MenuSeparator />
        <MenuItem icon={<Trash2 className="size-4" />} onSelect={open("delete")} disabledReason={deleteReason} danger>
          {t("actions.delete")}
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}
