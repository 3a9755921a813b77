// The actions of one cluster row, visible as in the original console (issue 13 item 11): Deploy
// proxy, Access clients, Proxy settings, Server basic info and Delete, plus Edit. A viewer sees
// only what it may do: the pages and the settings (read-only), not the changes.
"use client";
import { Pencil, Rocket, Server, SlidersHorizontal, Trash2, UserPlus } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef, useState, type ReactNode } from "react";
import { useCan } from "@/components/auth/use-can";
import { ProxySettingsDialog } from "@/components/policy/proxy-settings-dialog";
import { buttonClass } from "@/components/ui/button";
import type { Region } from "@/lib/clusters/schemas";
import type { ClusterDto } from "./cluster-api";

type Props = { region: Region; cluster: ClusterDto; onEdit: () => void; onDelete: () => void };

const ACTION = buttonClass("ghost", "sm", "h-7 gap-1 px-1.5 text-xs whitespace-nowrap text-brand-700");

function Label({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <>
      {icon}
      {children}
    </>
  );
}

export function ClusterRowActions({ region, cluster, onEdit, onDelete }: Props) {
  const t = useTranslations("clusters.actions");
  const can = useCan();
  const operator = can("operator");
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settings = useRef<HTMLButtonElement>(null);
  const base = `/${region}/clusters/${cluster.id}`;
  // The visible text starts the accessible name; the cluster's name tells the rows apart.
  const named = (action: string) => t("rowAction", { action, name: cluster.name });
  const icon = (Icon: typeof Rocket) => <Icon aria-hidden className="size-3.5 shrink-0" />;
  return (
    // At least two actions to a line: five stacked links made every row five lines tall.
    <div className="flex min-w-[17rem] flex-wrap items-center justify-end gap-x-0.5 gap-y-0.5">
      {operator ? (
        <Link href={`${base}/proxies/deploy`} className={ACTION} aria-label={named(t("deployProxy"))}>
          <Label icon={icon(Rocket)}>{t("deployProxy")}</Label>
        </Link>
      ) : null}
      <Link href={`${base}/access`} className={ACTION} aria-label={named(t("accessClients"))}>
        <Label icon={icon(UserPlus)}>{t("accessClients")}</Label>
      </Link>
      <button
        type="button"
        className={ACTION}
        aria-label={named(t("proxySettings"))}
        ref={settings}
        onClick={() => setSettingsOpen(true)}
      >
        <Label icon={icon(SlidersHorizontal)}>{t("proxySettings")}</Label>
      </button>
      <Link href={`${base}/proxies`} className={ACTION} aria-label={named(t("serverInfo"))}>
        <Label icon={icon(Server)}>{t("serverInfo")}</Label>
      </Link>
      {operator ? (
        <>
          <button
            type="button"
            className={ACTION}
            aria-label={named(t("edit"))}
            title={t("edit")}
            data-actions-for={cluster.id}
            onClick={onEdit}
          >
            {icon(Pencil)}
          </button>
          <button
            type="button"
            className={buttonClass("ghost", "sm", "h-7 gap-1 px-1.5 text-xs whitespace-nowrap text-red-700")}
            aria-label={named(t("delete"))}
            onClick={onDelete}
          >
            <Label icon={icon(Trash2)}>{t("delete")}</Label>
          </button>
        </>
      ) : null}
      <ProxySettingsDialog
        cluster={cluster}
        open={settingsOpen}
        onClose={() => setSettingsOpen(false)}
        returnFocus={() => settings.current}
      />
    </div>
  );
}
