// "Upgrade all" on a cluster's proxies page (issue 17): the button (disabled with the reason when
// no proxy can take the latest release or the role is not enough), its dialog, and the panel of
// the cluster's latest rolling upgrade.
"use client";
import { ArrowUpCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { RoleGate } from "@/components/auth/use-can";
import { Button } from "@/components/ui/button";
import { RolloutPanel } from "./rollout-panel";
import { UpgradeAllDialog } from "./upgrade-all-dialog";
import { useLatestRollout } from "./use-rollouts";

type ButtonProps = {
  clusterId: string;
  clusterName: string;
  /** How many proxies could take the latest release now (R10), from the proxies list. */
  upgradable: number;
  gate: RoleGate;
};

export function UpgradeAllButton({ clusterId, clusterName, upgradable, gate }: ButtonProps) {
  const t = useTranslations("rollouts");
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const latest = useLatestRollout(clusterId);
  const active = latest.data && (latest.data.status === "running" || latest.data.status === "paused");
  const reason = gate.short ?? (active ? t("errors.ROLLOUT_ACTIVE") : upgradable === 0 ? t("upgradeAllBlocked") : null);
  return (
    <span className="flex max-w-sm flex-col items-end gap-1">
      <Button size="sm" onClick={() => setOpen(true)} disabled={Boolean(reason)} aria-describedby={reason ? reasonId : undefined}>
        <ArrowUpCircle aria-hidden className="size-3.5" />
        {t("upgradeAll")}
      </Button>
      {reason ? (
        <span id={reasonId} className="text-right text-xs text-slate-600">
          {reason}
        </span>
      ) : null}
      <UpgradeAllDialog clusterId={clusterId} clusterName={clusterName} open={open} onClose={() => setOpen(false)} />
    </span>
  );
}

/** The latest rolling upgrade while it runs or is paused, and once finished until dismissed. */
export function LatestRollout({ clusterId, gate }: { clusterId: string; gate: RoleGate }) {
  const latest = useLatestRollout(clusterId);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const rollout = latest.data;
  if (!rollout || rollout.id === dismissed) return null;
  // A rollout finished long ago is history (the audit log has it), not news.
  const finishedLongAgo =
    rollout.finishedAt !== null && latest.dataUpdatedAt - new Date(rollout.finishedAt).getTime() > 3_600_000;
  if (finishedLongAgo) return null;
  return (
    <RolloutPanel
      clusterId={clusterId}
      rollout={rollout}
      fetchedAt={latest.dataUpdatedAt}
      gate={gate}
      onDismiss={() => setDismissed(rollout.id)}
    />
  );
}
