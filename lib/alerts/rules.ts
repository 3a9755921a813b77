// The alert rules (issue 14) and their default thresholds; the migration alerts_and_webhooks seeds
// the same values into alert_rule, where an admin edits them in Settings.
export const ALERT_KINDS = [
  "proxy_offline",
  "cluster_status",
  "capacity_use",
  "bandwidth_use",
  "cache_use",
  "queue_dropping",
  "install_command_expiring",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export type ThresholdUnit = "percent" | "minutes" | "hours" | null;

/** Each rule's default threshold and what it is measured in; null: a status rule with no threshold. */
export const RULE_DEFAULTS: Record<AlertKind, { threshold: number | null; unit: ThresholdUnit; min?: number; max?: number }> = {
  proxy_offline: { threshold: null, unit: null },
  cluster_status: { threshold: null, unit: null },
  capacity_use: { threshold: 80, unit: "percent", min: 1, max: 100 },
  bandwidth_use: { threshold: 60, unit: "percent", min: 1, max: 100 },
  cache_use: { threshold: 90, unit: "percent", min: 1, max: 100 },
  /** Open while the drop counters grew within this many minutes. */
  queue_dropping: { threshold: 15, unit: "minutes", min: 1, max: 1440 },
  /** Open while a used install command expires within this many hours. */
  install_command_expiring: { threshold: 24, unit: "hours", min: 1, max: 720 },
};

export type RuleSetting = { kind: AlertKind; enabled: boolean; threshold: number | null };
