// The filter toolbar of an asset list: search, type, OS, provider, group, tag, agent status and
// (in the inventory and the picker) whether the asset is connected to a cluster.
"use client";
import { FilterX } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { Region } from "@/lib/clusters/schemas";
import {
  activeFilterCount,
  AGENT_STATUSES,
  ASSET_TYPES,
  CONNECTED,
  OS_FAMILIES,
  PROVIDERS,
  type AssetListQuery,
} from "./asset-filter-params";
import { AssetSearch } from "./asset-search";
import { FilterSelect } from "./filter-select";
import { useGroups, useTags } from "./use-assets";

type Props = {
  region: Region;
  query: AssetListQuery;
  onChange: (patch: Partial<AssetListQuery>) => void;
  /** The client list of one cluster has no "connected" filter: every row is connected. */
  withConnected?: boolean;
};

export function AssetFilters({ region, query, onChange, withConnected = false }: Props) {
  const t = useTranslations("assetList");
  const groups = useGroups(region);
  const tags = useTags(region);
  const active = activeFilterCount(query);
  const options = <V extends string>(values: readonly V[], label: (v: V) => string) =>
    values.map((value) => ({ value, label: label(value) }));

  return (
    <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2">
      <AssetSearch q={query.q} onSearch={(q) => onChange({ q })} />
      <FilterSelect
        label={t("filters.type")}
        allLabel={t("filters.all")}
        value={query.type}
        options={options(ASSET_TYPES, (v) => t(`types.${v}`))}
        onChange={(type) => onChange({ type: type as AssetListQuery["type"] })}
      />
      <FilterSelect
        label={t("filters.os")}
        allLabel={t("filters.all")}
        value={query.os}
        options={options(OS_FAMILIES, (v) => t(`os.${v}`))}
        onChange={(os) => onChange({ os: os as AssetListQuery["os"] })}
      />
      <FilterSelect
        label={t("filters.provider")}
        allLabel={t("filters.all")}
        value={query.provider}
        options={options(PROVIDERS, (v) => t(`providers.${v}`))}
        onChange={(provider) => onChange({ provider: provider as AssetListQuery["provider"] })}
      />
      <FilterSelect
        label={t("filters.group")}
        allLabel={t("filters.all")}
        value={query.group}
        options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
        onChange={(group) => onChange({ group })}
      />
      <FilterSelect
        label={t("filters.tag")}
        allLabel={t("filters.all")}
        value={query.tag}
        options={(tags.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
        onChange={(tag) => onChange({ tag })}
      />
      <FilterSelect
        label={t("filters.agentStatus")}
        allLabel={t("filters.all")}
        value={query.agentStatus}
        options={options(AGENT_STATUSES, (v) => t(`agent.${v}`))}
        onChange={(agentStatus) => onChange({ agentStatus: agentStatus as AssetListQuery["agentStatus"] })}
      />
      {withConnected ? (
        <FilterSelect
          label={t("filters.connected")}
          allLabel={t("filters.all")}
          value={query.connected}
          options={options(CONNECTED, (v) => t(`filters.connectedValues.${v}`))}
          onChange={(connected) => onChange({ connected: connected as AssetListQuery["connected"] })}
        />
      ) : null}
      {active > 0 ? (
        <Button
          size="sm"
          variant="ghost"
          onClick={() =>
            onChange({
              q: "",
              type: undefined,
              os: undefined,
              provider: undefined,
              group: undefined,
              tag: undefined,
              agentStatus: undefined,
              connected: undefined,
            })
          }
        >
          <FilterX aria-hidden className="size-3.5" />
          {t("filters.clear", { count: active })}
        </Button>
      ) : null}
    </div>
  );
}
