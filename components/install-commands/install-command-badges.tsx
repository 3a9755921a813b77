// Status of a command (R19: expired and revoked ones register nothing) and its expiry, in words.
"use client";
import { CircleCheck, CircleSlash, Clock } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { InstallCommandDto, InstallCommandStatus } from "./install-command-api";
import { ABSOLUTE_TIME } from "./absolute-time";

export function InstallCommandStatusBadge({ status }: { status: InstallCommandStatus }) {
  const t = useTranslations("installCommands.status");
  const Icon = status === "active" ? CircleCheck : status === "expired" ? Clock : CircleSlash;
  return (
    <Badge tone={status === "active" ? "success" : status === "expired" ? "warning" : "muted"}>
      <Icon aria-hidden className="size-3.5" />
      {t(status)}
    </Badge>
  );
}

/** "in 23 hours" / "3 days ago" with the absolute moment under it; a revoked command shows when instead. */
export function ExpiryCell({ command }: { command: InstallCommandDto }) {
  const t = useTranslations("installCommands.list");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const revoked = command.revokedAt ? new Date(command.revokedAt) : null;
  const at = revoked ?? new Date(command.expiresAt);
  const label = revoked ? "revokedAgo" : at.getTime() > now.getTime() ? "expiresIn" : "expiredAgo";
  return (
    <div className="flex flex-col items-start gap-0.5">
      <InstallCommandStatusBadge status={command.status} />
      <time dateTime={at.toISOString()} className="text-xs whitespace-nowrap text-slate-700">
        {t(label, { when: format.relativeTime(at, now) })}
      </time>
      <span className="text-xs whitespace-nowrap text-slate-500">{format.dateTime(at, ABSOLUTE_TIME)}</span>
    </div>
  );
}
