// No commands: none yet in the region (offer to create one), or none matching the filter.
"use client";
import { Plus, SearchX, TerminalSquare } from "lucide-react";
import { useTranslations } from "next-intl";
import { GatedButton } from "@/components/auth/role-gate";
import type { RoleGate } from "@/components/auth/use-can";
import { Button } from "@/components/ui/button";

type Props = { filtered: boolean; gate: RoleGate; onCreate: () => void; onClearFilters: () => void };

export function InstallCommandsEmpty({ filtered, gate, onCreate, onClearFilters }: Props) {
  const t = useTranslations("installCommands");
  const Icon = filtered ? SearchX : TerminalSquare;
  return (
    <section
      aria-labelledby="install-commands-empty"
      className="flex flex-col items-center rounded-md border border-dashed border-slate-300 px-6 py-12 text-center"
    >
      <Icon aria-hidden className="size-8 text-slate-400" />
      <h2 id="install-commands-empty" className="mt-3 text-base font-semibold">
        {filtered ? t("empty.filteredTitle") : t("empty.title")}
      </h2>
      <p className="mt-1 max-w-lg text-slate-600">{filtered ? t("empty.filteredBody") : t("empty.body")}</p>
      <div className="mt-4">
        {filtered ? (
          <Button onClick={onClearFilters}>{t("filter.clear")}</Button>
        ) : (
          <GatedButton gate={gate} variant="primary" onClick={onCreate}>
            <Plus aria-hidden className="size-4" />
            {t("create.open")}
          </GatedButton>
        )}
      </div>
    </section>
  );
}
