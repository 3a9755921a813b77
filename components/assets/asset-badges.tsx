// Agent status and tags of an asset: icon + words, never color alone.
"use client";
import { CircleCheck, CircleMinus } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { AssetDto, NamedRef } from "./asset-api";

export function AgentStatusBadge({ asset }: { asset: Pick<AssetDto, "agentStatus" | "agentLastSeenAt"> }) {
  const t = useTranslations("assetList.agent");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const online = asset.agentStatus === "online";
  const seen = asset.agentLastSeenAt ? new Date(asset.agentLastSeenAt) : null;
  return (
    <div className="flex flex-col items-start gap-0.5">
      <Badge tone={online ? "success" : "muted"}>
        {online ? <CircleCheck aria-hidden className="size-3.5" /> : <CircleMinus aria-hidden className="size-3.5" />}
        {t(online ? "online" : "offline")}
      </Badge>
      {!online ? (
        <span className="text-xs whitespace-nowrap text-slate-600">
          {seen ? t("lastSeen", { when: format.relativeTime(seen.getTime() > now.getTime() ? now : seen, now) }) : t("neverSeen")}
        </span>
      ) : null}
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
