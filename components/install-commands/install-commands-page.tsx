// The install commands of one region (SPEC §4 screen 7): filters, the list, create and revoke.
"use client";
import { clsx } from "clsx";
import { Plus, RefreshCw, X } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { z } from "zod";
import { GatedButton, RoleNotice } from "@/components/auth/role-gate";
import { useRoleGate } from "@/components/auth/use-can";
import { useClusters } from "@/components/clusters/use-clusters";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import type { Region } from "@/lib/clusters/schemas";
import { CreateInstallCommandDialog } from "./create-install-command-dialog";
import type { InstallCommandDto, InstallCommandStatus } from "./install-command-api";
import { InstallCommandsEmpty } from "./install-commands-empty";
import { COLUMN_KEYS, InstallCommandsTable, InstallCommandsTableFrame } from "./install-commands-table";
import { RevealInstallCommandDialog } from "./reveal-install-command-dialog";
import { RevokeInstallCommandDialog } from "./revoke-install-command-dialog";
import { parseStatus, StatusFilter } from "./status-filter";
import { useInstallCommands } from "./use-install-commands";

const uuid = z.uuid();

export function InstallCommandsPage({ region }: { region: Region }) {
  const t = useTranslations();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const status = parseStatus(search.get("status"));
  const rawCluster = search.get("cluster");
  const clusterId = rawCluster && uuid.safeParse(rawCluster).success ? rawCluster : null;
  const gate = useRoleGate("operator");
  const commands = useInstallCommands({ region, status, clusterId });
  const clusters = useClusters(region, "");
  const clusterName = clusterId ? clusters.data?.find((c) => c.id === clusterId)?.name : undefined;
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<InstallCommandDto | null>(null);
  const [revealing, setRevealing] = useState<InstallCommandDto | null>(null);
  const lastRow = useRef<string | null>(null);
  const refetch = () => void commands.refetch();

  function setFilter(next: { status?: InstallCommandStatus | null; cluster?: string | null }) {
    const params = new URLSearchParams(search);
    for (const [key, value] of Object.entries(next)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    const query = params.toString();
    router.replace(query ? `${pathname}?${query}` : pathname);
  }

  const revoke = (command: InstallCommandDto) => {
    lastRow.current = command.id;
    setRevoking(command);
  };
  const reveal = (command: InstallCommandDto) => {
    lastRow.current = command.id;
    setRevealing(command);
  };
  const rowRevealButton = () => document.querySelector<HTMLElement>(`[data-reveal-for="${lastRow.current}"]`);
  const rowRevokeButton = () => document.querySelector<HTMLElement>(`[data-revoke-for="${lastRow.current}"]`);
  const filtered = status !== null || clusterId !== null;

  return (
    <>
      <PageHeader
        title={t("installCommands.title")}
        subtitle={t("installCommands.subtitle")}
        actions={
          <GatedButton gate={gate} variant="primary" onClick={() => setCreating(true)}>
            <Plus aria-hidden className="size-4" />
            {t("installCommands.create.open")}
          </GatedButton>
        }
      />
      <RoleNotice gate={gate} />
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <StatusFilter value={status} onChange={(next) => setFilter({ status: next })} />
        {clusterId ? (
          <span className="inline-flex h-7 items-center gap-1 rounded-full border border-slate-300 bg-slate-50 pr-1 pl-2.5 text-xs">
            {t("installCommands.filter.cluster", { name: clusterName ?? t("installCommands.filter.unknownCluster") })}
            <button
              type="button"
              onClick={() => setFilter({ cluster: null })}
              className="rounded-full p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-800"
            >
              <X aria-hidden className="size-3.5" />
              <span className="sr-only">{t("installCommands.filter.clearCluster")}</span>
            </button>
          </span>
        ) : null}
        {commands.data ? (
          <p className="text-xs text-slate-600" aria-live="polite">
            {t("installCommands.list.count", { count: commands.data.length })}
          </p>
        ) : null}
        <Button size="sm" variant="ghost" className="ml-auto" onClick={refetch}>
          <RefreshCw aria-hidden className={clsx("size-3.5", commands.isFetching && "animate-spin")} />
          {t("common.refresh")}
        </Button>
      </div>

      {commands.isError && commands.data ? (
        <div className="mb-3">
          <Alert tone="warning">{t("installCommands.list.staleWarning")}</Alert>
        </div>
      ) : null}

      {commands.data && commands.data.length > 0 ? (
        <InstallCommandsTable region={region} commands={commands.data} gate={gate} onRevoke={revoke} onReveal={reveal} />
      ) : commands.data ? (
        <InstallCommandsEmpty
          filtered={filtered}
          gate={gate}
          onCreate={() => setCreating(true)}
          onClearFilters={() => router.replace(pathname)}
        />
      ) : commands.isError ? (
        <ApiErrorAlert
          error={commands.error}
          title={t("installCommands.list.loadError")}
          onRetry={refetch}
          retrying={commands.isFetching}
        />
      ) : (
        <InstallCommandsSkeleton region={region} />
      )}

      <CreateInstallCommandDialog region={region} open={creating} onOpenChange={setCreating} clusterId={clusterId} />
      <RevealInstallCommandDialog
        region={region}
        command={revealing}
        onClose={() => setRevealing(null)}
        returnFocus={rowRevealButton}
      />
      <RevokeInstallCommandDialog
        region={region}
        command={revoking}
        onClose={() => setRevoking(null)}
        returnFocus={rowRevokeButton}
      />
    </>
  );
}

function InstallCommandsSkeleton({ region }: { region: Region }) {
  const t = useTranslations();
  return (
    <>
      <p role="status" className="sr-only">
        {t("installCommands.list.loading")}
      </p>
      <InstallCommandsTableFrame caption={t("installCommands.list.caption", { region: t(`shell.regions.${region}`) })} busy>
        {[0, 1, 2, 3].map((row) => (
          <tr key={row} className="border-b border-slate-200">
            {COLUMN_KEYS.map((key) => (
              <td key={key} className="px-3 py-3">
                <Skeleton className="h-4 w-20" />
              </td>
            ))}
          </tr>
        ))}
      </InstallCommandsTableFrame>
    </>
  );
}
