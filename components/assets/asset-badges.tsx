// Agent status and tags of an asset: icon + words, never color alone. "Proxy offline" is amber:
// the proxy that relays the agent is silent, which says nothing about the agent itself (SPEC §8).
"use client";
import { CircleCheck, CircleMinus, CircleOff, ServerOff } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { AssetDto, NamedRef } from "./asset-api";

type AgentStatus = AssetDto["agentStatus"];

const AGENT: Record<AgentStatus, { tone: BadgeTone; icon: typeof CircleCheck }> = {
  online: { tone: "success", icon: CircleCheck },
  offline: { tone: "muted", icon: CircleMinus },
  proxy_offline: { tone: "warning", icon: ServerOff },
  // A server known only from a manual proxy deploy: nothing protects it (issue 13).
  not_installed: { tone: "warning", icon: CircleOff },
};

type BadgeProps = {
  asset: Pick<AssetDto, "agentStatus" | "agentLastSeenAt">;
  /** The badge alone, where the surrounding card says when and why. */
  compact?: boolean;
};

export function AgentStatusBadge({ asset, compact }: BadgeProps) {
  const t = useTranslations("assetList.agent");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const { tone, icon: Icon } = AGENT[asset.agentStatus];
  const seen = asset.agentLastSeenAt ? new Date(asset.agentLastSeenAt) : null;
  const hint =
    asset.agentStatus === "proxy_offline"
      ? t("proxyOfflineHint")
      : asset.agentStatus === "not_installed"
        ? t("notInstalledHint")
        : undefined;
  return (
    <div className="flex flex-col items-start gap-0.5">
      <Badge tone={tone} title={hint}>
        <Icon aria-hidden className="size-3.5" />
        {t(asset.agentStatus)}
      </Badge>
      {compact ? null : (
        <>
          {hint ? <span className="sr-only">{hint}</span> : null}
          {asset.agentStatus === "offline" || asset.agentStatus === "proxy_offline" ? (
            <span className="text-xs whitespace-nowrap text-slate-600">
              {seen
                ? t("lastSeen", { when: format.relativeTime(seen.getTime() > now.getTime() ? now : seen, now) })
                : t("neverSeen")}
            </span>
          ) : null}
        </>
      )}
    </div>
  );
}

const SHOWN_TAGS = 3;

export function TagList({ tags }: { tags: NamedRef[] }) {
  const t = useTranslations("assetList");
  if (tags.length === 0) return <span className="text-slate-400">{t("none")}</span>;
  const rest = tags.slice(SHOWN_TAGS);
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t("tagsLabel")}>
      {tags.slice(0, SHOWN_TAGS).map((tag) => (
        <li key={tag.id}>
          <Badge tone="neutral">{tag.name}</Badge>
        </li>
      ))}
      {rest.length > 0 ? (
        <li title={rest.map((tag) => tag.name).join(", ")}>
          <Badge tone="muted">{t("moreTags", { count: rest.length })}</Badge>
          <span className="sr-only">{rest.map((tag) => tag.name).join(", ")}</span>
        </li>
      ) : null}
    </ul>
  );
}
