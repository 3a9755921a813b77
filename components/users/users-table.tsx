// Console users: name, email, role, status, since when; actions per row.
"use client";
import { useFormatter, useTranslations } from "next-intl";
import { RoleBadge } from "@/components/auth/role-badge";
import { useSession } from "@/components/auth/session-provider";
import { Badge } from "@/components/ui/badge";
import { CELL_CLASS, ROW_CLASS, TableFrame } from "@/components/ui/table";
import type { Role } from "@/lib/auth/roles";
import { UserRowActions } from "./user-row-actions";
import type { UserDto } from "./users-api";

type Props = { users: UserDto[]; onChangeRole: (user: UserDto) => void; onToggle: (user: UserDto) => void };

export function UsersTable({ users, onChangeRole, onToggle }: Props) {
  const t = useTranslations("users");
  const format = useFormatter();
  const me = useSession();
  const columns = [
    { key: "name", label: t("columns.name"), className: "min-w-40" },
    { key: "email", label: t("columns.email"), className: "min-w-56" },
    { key: "role", label: t("columns.role") },
    { key: "status", label: t("columns.status") },
    { key: "createdAt", label: t("columns.createdAt") },
    { key: "actions", label: t("columns.actions"), srOnly: true, className: "w-12" },
  ];
  return (
    <TableFrame caption={t("tableCaption")} columns={columns}>
      {users.map((user) => (
        <tr key={user.id} className={ROW_CLASS}>
          <th scope="row" className={`${CELL_CLASS} text-left font-medium text-slate-900`}>
            {user.name}
            {user.id === me.id ? <span className="ml-1.5 text-xs font-normal text-slate-500">{t("you")}</span> : null}
          </th>
          <td className={`${CELL_CLASS} [overflow-wrap:anywhere]`}>{user.email}</td>
          <td className={CELL_CLASS}>
            <RoleBadge role={user.role as Role} />
          </td>
          <td className={CELL_CLASS}>
            <Badge tone={user.disabled ? "muted" : "success"}>{user.disabled ? t("status.disabled") : t("status.active")}</Badge>
          </td>
          <td className={`${CELL_CLASS} whitespace-nowrap text-slate-700`}>
            {format.dateTime(new Date(user.createdAt), { dateStyle: "medium" })}
          </td>
          <td className={`${CELL_CLASS} py-1.5 text-right`}>
            <UserRowActions user={user} onChangeRole={() => onChangeRole(user)} onToggle={() => onToggle(user)} />
          </td>
        </tr>
      ))}
    </TableFrame>
  );
}
