// Choosing a role (users, API tokens): each option says what the role may do.
"use client";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { ROLES } from "@/lib/auth/roles";

type Props = {
  legend: string;
  error?: string;
  /** The react-hook-form registration of the role field, spread on every radio. */
  registration: Omit<ComponentProps<"input">, "type" | "value">;
};

/** Most powerful first, as people read a list of permissions. */
const ORDER = [...ROLES].reverse();

export function RoleField({ legend, error, registration }: Props) {
  const t = useTranslations("roles");
  const choices = ORDER.map((role) => ({ value: role, label: t(`names.${role}`), description: t(`descriptions.${role}`) }));
  return <ChoiceGroup legend={legend} choices={choices} inputProps={registration} layout="cards" error={error} />;
}
