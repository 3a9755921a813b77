// Choosing a role (users, API tokens): each option says what the role may do.
"use client";
import { useTranslations } from "next-intl";
import { useId, type ComponentProps } from "react";
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
  const id = useId();
  return (
    <fieldset className="space-y-1.5" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1 block text-sm font-medium text-slate-800">{legend}</legend>
      {ORDER.map((role) => (
        <label
          key={role}
          className="flex cursor-pointer items-start gap-2 rounded border border-slate-200 px-2.5 py-1.5 has-checked:border-brand-600 has-checked:bg-brand-50"
        >
          <input
            {...registration}
            type="radio"
            value={role}
            aria-describedby={`${id}-${role}`}
            className="mt-1 accent-brand-600"
          />
          <span className="min-w-0 text-sm">
            <span className="block font-medium text-slate-900">{t(`names.${role}`)}</span>
            <span id={`${id}-${role}`} className="block text-xs text-slate-600">
              {t(`descriptions.${role}`)}
            </span>
          </span>
        </label>
      ))}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
