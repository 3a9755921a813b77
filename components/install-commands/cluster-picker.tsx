// The proxy cluster of an install command (R19), for regions with hundreds of clusters (issue 13
// point 13): a search box that is an ARIA combobox over a listbox of at most 50 matches, usable
// clusters first; unusable ones stay listed, disabled, with why. Keyboard: arrows, Home/End, Enter.
"use client";
import { clsx } from "clsx";
import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import type { ClusterDto } from "@/components/clusters/cluster-api";
import { pickClusters } from "@/lib/clusters/pick-clusters";
import { ClusterStatusLine } from "./cluster-status-line";

type Props = {
  clusters: ClusterDto[];
  value: string;
  onChange: (clusterId: string) => void;
  /** Why a cluster cannot be chosen, or undefined when it can. */
  reasonOf: (cluster: ClusterDto) => string | undefined;
  error?: string;
};

export function ClusterPicker({ clusters, value, onChange, reasonOf, error }: Props) {
  const t = useTranslations("installCommands.create");
  const id = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const { shown, matches } = useMemo(() => pickClusters(clusters, query, (c) => !reasonOf(c)), [clusters, query, reasonOf]);
  const selected = clusters.find((c) => c.id === value);
  const current = shown[Math.min(active, shown.length - 1)];
  const optionId = (cluster: ClusterDto) => `${id}-option-${cluster.id}`;

  function choose(cluster: ClusterDto | undefined) {
    if (cluster && !reasonOf(cluster)) onChange(cluster.id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = shown.length - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => Math.min(active + 1, last),
      ArrowUp: () => Math.max(active - 1, 0),
      Home: () => 0,
      End: () => last,
    };
    if (moves[event.key] && shown.length > 0) {
      event.preventDefault();
      const next = moves[event.key]!();
      setActive(next);
      document.getElementById(optionId(shown[next]!))?.scrollIntoView({ block: "nearest" });
    } else if (event.key === "Enter") {
      // Enter picks the active cluster instead of submitting the form.
      event.preventDefault();
      choose(current);
    }
  }

  return (
    <div className="space-y-1.5">
      <label htmlFor={`${id}-search`} className="block text-sm font-medium text-slate-800">
        {t("clusterLegend")}
      </label>
      <p id={`${id}-selected`} className="text-xs text-slate-700" data-testid="cluster-picker-selected">
        {selected ? t("clusterSelected", { name: selected.name, address: selected.address }) : t("clusterNoneSelected")}
      </p>
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-500" />
        <input
          id={`${id}-search`}
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${id}-listbox`}
          aria-autocomplete="list"
          aria-activedescendant={current ? optionId(current) : undefined}
          aria-describedby={`${id}-selected ${id}-count${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={t("clusterSearchPlaceholder")}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          className="w-full rounded border border-slate-300 bg-white py-1.5 pr-2 pl-8 text-sm focus-visible:outline-2 focus-visible:outline-brand-600"
        />
      </div>
      <ul
        id={`${id}-listbox`}
        role="listbox"
        aria-label={t("clusterLegend")}
        className="max-h-60 overflow-y-auto rounded border border-slate-200 bg-white"
      >
        {shown.map((cluster, index) => {
          const reason = reasonOf(cluster);
          return (
            <li
              key={cluster.id}
              id={optionId(cluster)}
              role="option"
              aria-selected={cluster.id === value}
              aria-disabled={reason ? true : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                setActive(index);
                choose(cluster);
              }}
              className={clsx(
                "border-b border-slate-100 px-3 py-2 text-sm last:border-b-0",
                reason ? "cursor-not-allowed text-slate-500" : "cursor-pointer text-slate-900 hover:bg-slate-50",
                index === active && "ring-2 ring-brand-600 ring-inset",
                cluster.id === value && "bg-brand-50",
              )}
            >
              <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <span className="font-medium [overflow-wrap:anywhere]">{cluster.name}</span>
                <span className="font-mono text-xs text-slate-600 [overflow-wrap:anywhere]">{cluster.address}</span>
              </span>
              <span className="mt-1 block text-xs text-slate-700">
                <ClusterStatusLine cluster={cluster} />
              </span>
              {reason ? <span className="mt-0.5 block text-xs text-slate-600">{reason}</span> : null}
            </li>
          );
        })}
      </ul>
      <p id={`${id}-count`} role="status" className="text-xs text-slate-600" data-testid="cluster-picker-count">
        {matches === 0
          ? t("clusterNoMatch")
          : matches > shown.length
            ? t("clusterShownOf", { shown: shown.length, total: matches })
            : t("clusterMatches", { count: matches })}
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
