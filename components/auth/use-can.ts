// What the signed-in role may do (admin ⊃ operator ⊃ viewer), and why not, in the user's words.
// The server enforces roles on every route; this only keeps the UI honest about it.
"use client";
import { useTranslations } from "next-intl";
import { hasRole, type Role } from "@/lib/auth/roles";
import { useSession } from "./session-provider";

/** can("operator") — true when the signed-in role includes `needed`. */
export function useCan(): (needed: Role) => boolean {
  const { role } = useSession();
  return (needed) => hasRole(role, needed);
}

/**
 * Why a control is disabled, undefined when allowed: `reason` is the full sentence (page notices,
 * button descriptions), `short` fits under a menu item.
 */
export type RoleGate = { allowed: boolean; reason: string | undefined; short: string | undefined };

export function useRoleGate(needed: Role): RoleGate {
  const { role } = useSession();
  const t = useTranslations("roles");
  if (hasRole(role, needed)) return { allowed: true, reason: undefined, short: undefined };
  const values = { role: t(`names.${role}`), needed: t(`names.${needed}`) };
  return {
    allowed: false,
    reason: role === "viewer" ? t("viewerReason", values) : t("deniedReason", values),
    short: t("shortReason", values),
  };
}
