"use client";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Role } from "@/lib/auth/roles";

const TONES: Record<Role, BadgeTone> = { admin: "warning", operator: "info", viewer: "neutral" };

/** A role in words; the tone only helps the eye. */
export function RoleBadge({ role }: { role: Role }) {
  const t = useTranslations("roles.names");
  return <Badge tone={TONES[role]}>{t(role)}</Badge>;
}
