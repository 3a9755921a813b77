// The servers a quick deploy can pick from: eligible ones with a checkbox, the others greyed with why.
"use client";
import { clsx } from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import { AgentStatusBadge } from "./proxy-badges";
import type { CandidateAsset } from "./proxy-api";
import { ineligibility } from "./eligibility";

type Props = {
  caption: string;
  clusterId: string;
  items: CandidateAsset[];
  selected: ReadonlyMap<string, string>;
  /** False once the selection is full (an IP cluster takes one, R4): unselected boxes lock. */
  canAddMore: boolean;
  onToggle: (asset: CandidateAsset, on: boolean) => void;
};

export function CandidateTable({ caption, clusterId, items, selected, canAddMore, onToggle }: Props) {
  const t = useTranslations("deployProxy");
  const tAsset = useTranslations("proxies.asset");
  const format = useFormatter();
  return (
    <div className="max-h-[28rem] overflow-auto rounded-md border border-slate-200">
      <table className="w-full min-w-[48rem] border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 z-10 bg-slate-50 text-xs whitespace-nowrap text-slate-600">
          <tr className="border-b border-slate-200">
            <th scope="col" className="w-10 px-3 py-2">
              <span className="sr-only">{t("columns.select")}</span>
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              {t("columns.server")}
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              {t("columns.os")}
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              {t("columns.agent")}
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              {t("columns.hardware")}
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              {t("columns.eligibility")}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((asset) => {
            const why = ineligibility(asset, clusterId);
            const checked = selected.has(asset.id);
            const locked = why !== null || (!checked && !canAddMore);
            const id = `candidate-${asset.id}`;
            return (
              <tr
                key={asset.id}
                className={clsx("border-b border-slate-200 align-top", why ? "bg-slate-50 text-slate-500" : "bg-white")}
              >
                <td className="px-3 py-2">
                  <input
                    id={id}
                    type="checkbox"
                    className="size-4 accent-brand-600"
                    checked={checked}
                    disabled={locked}
                    aria-describedby={why ? `${id}-why` : undefined}
                    onChange={(e) => onToggle(asset, e.target.checked)}
                  />
                </td>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <label
                    htmlFor={id}
                    className={clsx("block font-medium whitespace-nowrap", why ? "text-slate-500" : "text-slate-900")}
                  >
                    {asset.hostname}
                  </label>
                  <span className="font-mono text-xs">{asset.ips.join(", ")}</span>
                </th>
                <td className="px-3 py-2 text-xs">{asset.osVersion}</td>
                <td className="px-3 py-2">
                  <AgentStatusBadge status={asset.agentStatus} />
                </td>
                <td className="px-3 py-2 text-xs whitespace-nowrap">
                  {asset.cpuCores && asset.memoryMb
                    ? tAsset("cpuMemory", {
                        cores: asset.cpuCores,
                        memory: format.number(asset.memoryMb / 1024, { maximumFractionDigits: 1 }),
                      })
                    : tAsset("unknown")}
                </td>
                <td className="px-3 py-2 text-xs">
                  {why ? (
                    <span id={`${id}-why`}>{t(`ineligible.${why}`)}</span>
                  ) : (
                    <span className="text-green-800">{t("eligible")}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
