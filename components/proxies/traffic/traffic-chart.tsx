// Throughput per proxy over the last hour (SPEC §8): one line per proxy, kbps per minute, with the
// policy's bandwidth limit (per proxy server, R17) and its 60 % line when a limit is set. The
// drawing is an image with a one-line summary; the numbers are in the table below it.
"use client";
import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ClusterTraffic } from "../proxy-api";
import { minuteRows, niceCeil, seriesIds } from "./traffic-series";

/** Line colours, clear of the limit's red and the 60 % line's amber. */
const COLORS = ["#1d4ed8", "#0d9488", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#475569", "#9333ea"];
const LIMIT = "#dc2626";
const WARN = "#d97706";
const TEN_MINUTES = 10 * 60_000;

type Props = { traffic: ClusterTraffic; summary: string; nameOf: (id: string) => string };

export function TrafficChart({ traffic, summary, nameOf }: Props) {
  const t = useTranslations("traffic");
  const format = useFormatter();
  const rows = minuteRows(traffic);
  const start = Date.parse(traffic.from);
  const end = start + (traffic.minutes - 1) * 60_000;
  const ticks = rows.map((r) => r.at).filter((at) => at % TEN_MINUTES === 0);
  const time = (at: number) => format.dateTime(new Date(at), { hour: "2-digit", minute: "2-digit" });
  const kbps = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  const limit = traffic.bandwidthLimitKbps;
  return (
    <figure role="img" aria-label={summary} className="h-64 w-full" data-testid="traffic-chart">
      <div aria-hidden className="h-full w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 12, right: 16, bottom: 0, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={[start, end]}
              ticks={ticks}
              tickFormatter={time}
              tick={{ fontSize: 12, fill: "#475569" }}
              stroke="#cbd5e1"
            />
            <YAxis
              domain={[0, (dataMax: number) => niceCeil(Math.max(dataMax, limit ?? 0))]}
              tickFormatter={kbps}
              tick={{ fontSize: 12, fill: "#475569" }}
              stroke="#cbd5e1"
              width={56}
              label={{ value: t("unit"), angle: -90, position: "insideLeft", fontSize: 12, fill: "#475569" }}
            />
            <Tooltip
              labelFormatter={(at) => time(Number(at))}
              formatter={(value) => t("kbps", { value: kbps(Number(value)) })}
              contentStyle={{ fontSize: 12, borderColor: "#e2e8f0" }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {limit !== null ? (
              <ReferenceLine
                y={limit}
                stroke={LIMIT}
                strokeWidth={1.5}
                ifOverflow="extendDomain"
                label={{ value: t("limitLine", { value: kbps(limit) }), position: "insideTopRight", fontSize: 12, fill: LIMIT }}
              />
            ) : null}
            {traffic.warnAtKbps !== null ? (
              <ReferenceLine
                y={traffic.warnAtKbps}
                stroke={WARN}
                strokeDasharray="6 4"
                label={{
                  value: t("warnLine", { value: kbps(traffic.warnAtKbps) }),
                  position: "insideBottomRight",
                  fontSize: 12,
                  fill: "#b45309",
                }}
              />
            ) : null}
            {seriesIds(traffic).map((id, i) => (
              <Line
                key={id}
                dataKey={id}
                name={nameOf(id)}
                type="linear"
                stroke={COLORS[i % COLORS.length]}
                strokeWidth={2}
                dot={(dot) =>
                  Number(dot.value) > 0 ? (
                    <circle key={dot.key} cx={dot.cx} cy={dot.cy} r={3} fill={COLORS[i % COLORS.length]} />
                  ) : (
                    <g key={dot.key} />
                  )
                }
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
