// API tokens: what each is for, its role, its first characters, who made it, use and expiry.
"use client";
import { useFormatter, useTranslations } from "next-intl";
import { RoleBadge } from "@/components/auth/role-badge";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CELL_CLASS, ROW_CLASS, TableFrame } from "@/components/ui/table";
import type { Role } from "@/lib/auth/roles";
import { tokenStatus, type ApiTokenDto, type TokenStatus } from "./tokens-api";

type Props = { tokens: ApiTokenDto[]; onRevoke: (token: ApiTokenDto) => void };

const STATUS_TONE: Record<TokenStatus, BadgeTone> = { active: "success", expired: "muted", revoked: "muted" };

export function TokensTable({ tokens, onRevoke }: Props) {
  const t = useTranslations("tokens");
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const columns = [
    { key: "name", label: t("columns.name"), className: "min-w-36" },
    { key: "role", label: t("columns.role") },
    { key: "hint", label: t("columns.hint") },
    { key: "createdBy", label: t("columns.createdBy") },
    { key: "lastUsed", label: t("columns.lastUsed") },
    { key: "expires", label: t("columns.expires") },
    { key: "status", label: t("columns.status") },
    { key: "actions", label: t("columns.actions"), srOnly: true },
  ];
  return (
    <TableFrame caption={t("tableCaption")} columns={columns} minWidth="min-w-[60rem]">
      {tokens.map((token) => {
        const status = tokenStatus(token);
        return (
          <tr key={token.id} className={ROW_CLASS}>
            <th scope="row" className={`${CELL_CLASS} text-left font-medium [overflow-wrap:anywhere] text-slate-900`}>
              {token.name}
              <span className="block text-xs font-normal text-slate-500">{t("createdAt", { when: when(token.createdAt) })}</span>
            </th>
            <td className={CELL_CLASS}>
              <RoleBadge role={token.role as Role} />
            </td>
            <td className={`${CELL_CLASS} font-mono text-[13px] whitespace-nowrap`}>{`${token.tokenHint}…`}</td>
            <td className={`${CELL_CLASS} [overflow-wrap:anywhere] text-slate-700`}>{token.createdBy}</td>
            <td className={`${CELL_CLASS} whitespace-nowrap text-slate-700`}>
              {token.lastUsedAt ? when(token.lastUsedAt) : t("never")}
            </td>
            <td className={`${CELL_CLASS} whitespace-nowrap text-slate-700`}>
              {token.expiresAt ? when(token.expiresAt) : t("noExpiry")}
            </td>
            <td className={CELL_CLASS}>
              <Badge
                tone={STATUS_TONE[status]}
                title={token.revokedAt ? t("revokedAt", { when: when(token.revokedAt) }) : undefined}
              >
                {t(`status.${status}`)}
              </Badge>
            </td>
            <td className={`${CELL_CLASS} py-1.5 text-right`}>
              {status === "revoked" ? null : (
                <Button
                  size="sm"
                  variant="ghost"
                  className="text-red-700"
                  onClick={() => onRevoke(token)}
                  data-revoke-for={token.id}
                >
                  {t("revoke.open")}
                  <span className="sr-only"> {token.name}</span>
                </Button>
              )}
            </td>
          </tr>
        );
      })}
    </TableFrame>
  );
}
