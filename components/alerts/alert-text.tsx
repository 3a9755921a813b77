// An alert's numbers in words, in the user's language.
"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useFormatBytes } from "@/components/ui/use-format-bytes";
import type { AlertDto } from "./alerts-api";

export function AlertDescription({ alert }: { alert: AlertDto }) {
  const t = useTranslations("alerts.describe");
  const format = useFormatter();
  const bytes = useFormatBytes();
  const v = alert.values as Record<string, string | number | null>;
  const n = (key: string) => Number(v[key] ?? 0);
  const s = (key: string) => String(v[key] ?? "");
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  switch (alert.kind) {
    case "proxy_offline":
      return v.lastHeartbeatAt
        ? t("proxy_offline", { lastHeartbeat: when(s("lastHeartbeatAt")), cluster: s("cluster") })
        : t("proxy_offline_never", { cluster: s("cluster") });
    case "cluster_status":
      return v.status === "degraded"
        ? t("cluster_status_degraded", { online: n("onlineProxies"), proxies: n("proxies"), min: n("minOnlineProxies") })
        : t("cluster_status_offline", { online: n("onlineProxies"), proxies: n("proxies") });
    case "capacity_use":
      return t("capacity_use", { clients: n("clients"), capacity: n("capacity"), use: n("use"), threshold: n("threshold") });
    case "bandwidth_use":
      return t("bandwidth_use", { required: n("requiredKbps"), limit: n("limitKbps"), use: n("use"), threshold: n("threshold") });
    case "cache_use":
      return t("cache_use", {
        used: bytes(n("cacheBytes")),
        cap: bytes(n("cacheMaxBytes")),
        use: n("use"),
        threshold: n("threshold"),
        cluster: s("cluster"),
      });
    case "queue_dropping":
      return t("queue_dropping", {
        records: n("droppedRecords"),
        bytes: bytes(n("droppedBytes")),
        minutes: n("windowMinutes"),
        cluster: s("cluster"),
      });
    case "install_command_expiring":
      return t("install_command_expiring", {
        expires: when(s("expiresAt")),
        hours: n("hoursLeft"),
        registrations: n("registrations"),
      });
  }
}
