// Screen 7 of SPEC §4: the region's install commands, masked to the token's first characters; an
// operator shows an active one again to copy it (issue 13 point 13).
"use client";
import { Eye, Lock } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { GatedButton } from "@/components/auth/role-gate";
import type { RoleGate } from "@/components/auth/use-can";
import { RelativeTime } from "@/components/ui/relative-time";
import { TableFrame, keyedColumns } from "@/components/ui/table";
import type { Region } from "@/lib/clusters/schemas";
import { ExpiryCell } from "./install-command-badges";
import type { InstallCommandDto } from "./install-command-api";

export const COLUMN_KEYS = ["command", "cluster", "target", "group", "expiry", "registrations", "actions"] as const;

const COLUMN_CLASS: Record<(typeof COLUMN_KEYS)[number], string> = {
  command: "min-w-48",
  cluster: "min-w-36",
  target: "min-w-32",
  group: "min-w-28",
  expiry: "min-w-44",
  registrations: "min-w-28",
  actions: "sticky right-0 w-20 bg-slate-50 shadow-[-1px_0_0_var(--color-slate-200)]",
};

type Props = {
  region: Region;
  commands: InstallCommandDto[];
  gate: RoleGate;
  onRevoke: (command: InstallCommandDto) => void;
  onReveal: (command: InstallCommandDto) => void;
};

export function InstallCommandsTable({ region, commands, gate, onRevoke, onReveal }: Props) {
  const t = useTranslations("installCommands");
  const regionName = useTranslations("shell.regions");
  const format = useFormatter();
  return (
    <InstallCommandsTableFrame caption={t("list.caption", { region: regionName(region) })}>
      {commands.map((command) => (
        <tr
          key={command.id}
          className="border-b border-slate-200 bg-white align-top hover:bg-slate-50"
          data-command-id={command.id}
        >
          <th scope="row" className="px-3 py-2 text-left font-normal">
            <span className="flex items-center gap-1.5 font-mono text-[13px] whitespace-nowrap text-slate-900">
              <Lock aria-hidden className="size-3.5 shrink-0 text-slate-500" />
              {t("list.masked", { hint: command.tokenHint })}
            </span>
            <span className="mt-0.5 block text-xs [overflow-wrap:anywhere] text-slate-600">
              {t("list.createdBy", { who: command.createdBy })} · <RelativeTime value={command.createdAt} />
            </span>
            {command.revealable ? (
              <GatedButton
                gate={gate}
                size="sm"
                variant="secondary"
                className="mt-1.5"
                aria-label={t("list.revealLabel", { hint: command.tokenHint })}
                onClick={() => onReveal(command)}
                data-reveal-for={command.id}
              >
                <Eye aria-hidden className="size-3.5" />
                {t("list.reveal")}
              </GatedButton>
            ) : command.status === "active" ? (
              <span className="mt-1 block text-xs text-slate-600 italic" data-testid="not-revealable">
                {t("list.notRevealable")}
              </span>
            ) : null}
          </th>
          <td className="px-3 py-2">
            {command.cluster ? (
              <span className="[overflow-wrap:anywhere]">{command.cluster.name}</span>
            ) : command.deletedCluster ? (
              <span className="text-slate-600 italic [overflow-wrap:anywhere]" data-testid="deleted-cluster">
                {t("list.deletedCluster", { name: command.deletedCluster.name })}
              </span>
            ) : (
              <span className="text-slate-600 italic">{t("list.direct")}</span>
            )}
            <span className="mt-0.5 block text-xs text-slate-600" data-testid="command-reach">
              {command.deletedCluster
                ? null
                : command.reach
                  ? t.rich("list.reaches", {
                      url: command.reach,
                      code: (chunks) => <code className="font-mono [overflow-wrap:anywhere]">{chunks}</code>,
                    })
                  : t("list.reachesConsole")}
            </span>
          </td>
          <td className="px-3 py-2">
            <span className="block">{t(`os.${command.os}`)}</span>
            <span className="block text-xs text-slate-600">{t(`providers.${command.provider}`)}</span>
            {command.createImage ? <span className="block text-xs text-slate-600">{t("list.imageYes")}</span> : null}
          </td>
          <td className="px-3 py-2">
            {command.group ? command.group.name : <span className="text-slate-600 italic">{t("list.noGroup")}</span>}
          </td>
          <td className="px-3 py-2">
            <ExpiryCell command={command} />
          </td>
          <td className="px-3 py-2 text-right tabular-nums">
            {command.registrations > 0 ? (
              <Link
                href={`/${region}/assets?installCommand=${command.id}`}
                className="text-brand-700 underline-offset-2 hover:underline"
                aria-label={t("list.registrationsLink", { count: command.registrations, hint: command.tokenHint })}
              >
                {format.number(command.registrations)}
              </Link>
            ) : (
              <span className="text-slate-600">0</span>
            )}
          </td>
          <td className="sticky right-0 bg-inherit px-3 py-1.5 text-right shadow-[-1px_0_0_var(--color-slate-200)]">
            {command.status === "active" ? (
              <GatedButton
                gate={gate}
                size="sm"
                variant="ghost"
                className="text-red-700! hover:bg-red-50"
                aria-label={t("list.revokeLabel", { hint: command.tokenHint })}
                onClick={() => onRevoke(command)}
                data-revoke-for={command.id}
              >
                {t("list.revoke")}
              </GatedButton>
            ) : null}
          </td>
        </tr>
      ))}
    </InstallCommandsTableFrame>
  );
}

/** Table, caption and header row, shared with the loading skeleton so columns never jump. */
export function InstallCommandsTableFrame({ caption, busy, children }: { caption: string; busy?: boolean; children: ReactNode }) {
  const t = useTranslations("installCommands.columns");
  return (
    <TableFrame
      caption={caption}
      busy={busy}
      minWidth="62rem"
      columns={keyedColumns(COLUMN_KEYS, t, COLUMN_CLASS, ["registrations", "actions"])}
    >
      {children}
    </TableFrame>
  );
}
