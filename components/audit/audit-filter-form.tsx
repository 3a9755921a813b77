// Filters of the audit log: applied together with "Apply" (or Enter), kept in the URL.
"use client";
import { Filter, X } from "lucide-react";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { useRegionName } from "@/components/clusters/clusters-table";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import type { Region } from "@/lib/clusters/schemas";
import { isoToLocalInput, localInputToIso, type AuditFilters } from "./audit-filters";
import { useAuditLabels } from "./use-audit-labels";

type Props = { region: Region; filters: AuditFilters; onApply: (filters: AuditFilters) => void };

const LABEL = "mb-1 block text-xs font-medium text-slate-700";

export function AuditFilterForm({ region, filters, onApply }: Props) {
  const t = useTranslations("audit.filters");
  const labels = useAuditLabels();
  const regionName = useRegionName(region);
  const otherRegions = useTranslations("shell.regions");
  const groups = labels.actionGroups();
  const knownAction =
    !filters.action || groups.some((g) => g.value === filters.action || g.actions.some((a) => a.value === filters.action));
  const active = Object.values(filters).some(Boolean);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim() || undefined;
    onApply({
      actor: text("actor"),
      action: text("action"),
      targetType: text("targetType"),
      outcome: text("outcome"),
      region: text("region"),
      from: localInputToIso(String(data.get("from") ?? "")),
      to: localInputToIso(String(data.get("to") ?? "")),
    });
  }

  return (
    <form
      role="search"
      aria-label={t("label")}
      onSubmit={submit}
      className="mb-3 grid grid-cols-6 items-start gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 xl:grid-cols-12"
    >
      <div className="col-span-3 xl:col-span-4">
        <label htmlFor="audit-actor" className={LABEL}>
          {t("actor")}
        </label>
        <Input
          id="audit-actor"
          name="actor"
          type="search"
          defaultValue={filters.actor ?? ""}
          maxLength={255}
          placeholder={t("actorPlaceholder")}
        />
      </div>
      <div className="col-span-3 xl:col-span-4">
        <label htmlFor="audit-action" className={LABEL}>
          {t("action")}
        </label>
        <Select id="audit-action" name="action" defaultValue={filters.action ?? ""}>
          <option value="">{t("anyAction")}</option>
          {knownAction ? null : <option value={filters.action}>{filters.action}</option>}
          {groups.map((group) => (
            <optgroup key={group.value} label={group.label}>
              <option value={group.value}>{t("allOfGroup", { group: group.label })}</option>
              {group.actions.map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </div>
      <div className="col-span-3 xl:col-span-2">
        <label htmlFor="audit-target-type" className={LABEL}>
          {t("targetType")}
        </label>
        <Select id="audit-target-type" name="targetType" defaultValue={filters.targetType ?? ""}>
          <option value="">{t("anyTarget")}</option>
          {labels.targetTypes().map((type) => (
            <option key={type.value} value={type.value}>
              {type.label}
            </option>
          ))}
        </Select>
      </div>
      <div className="col-span-3 xl:col-span-2">
        <label htmlFor="audit-outcome" className={LABEL}>
          {t("outcome")}
        </label>
        <Select id="audit-outcome" name="outcome" defaultValue={filters.outcome ?? ""}>
          <option value="">{t("anyOutcome")}</option>
          <option value="success">{t("success")}</option>
          <option value="failure">{t("failure")}</option>
        </Select>
      </div>
      <div className="col-span-2 xl:col-span-3">
        <label htmlFor="audit-region" className={LABEL}>
          {t("region")}
        </label>
        <Select id="audit-region" name="region" defaultValue={filters.region ?? ""} aria-describedby="audit-region-hint">
          <option value="">{t("allRegions")}</option>
          <option value={region}>{t("onlyRegion", { region: regionName })}</option>
          {filters.region && filters.region !== region ? (
            <option value={filters.region}>{t("onlyRegion", { region: otherRegions(filters.region as Region) })}</option>
          ) : null}
        </Select>
        <p id="audit-region-hint" className="mt-1 text-xs text-slate-600">
          {t("regionHint")}
        </p>
      </div>
      <div className="col-span-2 xl:col-span-3">
        <label htmlFor="audit-from" className={LABEL}>
          {t("from")}
        </label>
        <Input id="audit-from" name="from" type="datetime-local" defaultValue={isoToLocalInput(filters.from)} />
      </div>
      <div className="col-span-2 xl:col-span-3">
        <label htmlFor="audit-to" className={LABEL}>
          {t("to")}
        </label>
        <Input id="audit-to" name="to" type="datetime-local" defaultValue={isoToLocalInput(filters.to)} />
      </div>
      <div className="col-span-6 flex gap-2 self-end xl:col-span-3">
        <Button type="submit" variant="primary">
          <Filter aria-hidden className="size-4" />
          {t("apply")}
        </Button>
        {active ? (
          <Button variant="ghost" onClick={() => onApply({})}>
            <X aria-hidden className="size-4" />
            {t("clear")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
