// A refused connection in the user's words, with the numbers the server sent: the interval (R12),
// the batch size (R12), capacity (R13), bandwidth headroom (R14, R17) and the servers that cannot join.
"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useErrorText } from "@/components/errors/use-error-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/api-client/api-error";

type Problem = { assetId: string; hostname?: string; reason: string };
type Details = Record<string, unknown> & { problems?: Problem[] };
/** An ApiError, or a connect job's stored lastError. */
export type ConnectErrorLike = { code: string; message: string; details?: unknown; requestId?: string | null };

const REASONS = ["agent_offline", "is_proxy", "region_mismatch", "not_found"] as const;
const SHOWN_PROBLEMS = 8;

export function asConnectError(error: unknown): ConnectErrorLike | null {
  if (error instanceof ApiError)
    return { code: error.code, message: error.message, details: error.details, requestId: error.requestId };
  const stored = error as Partial<ConnectErrorLike> | null;
  return stored && typeof stored.code === "string"
    ? { code: stored.code, message: String(stored.message ?? ""), details: stored.details }
    : null;
}

/** The sentence for a refusal; null when the code has no wording of its own here. */
export function useConnectErrorText() {
  const t = useTranslations("clientAccess.errors");
  const format = useFormatter();
  return (error: ConnectErrorLike): string | null => {
    const d = (error.details ?? {}) as Details;
    const n = (key: string) => format.number(Number(d[key] ?? 0));
    switch (error.code) {
      case "BATCH_INTERVAL":
        return t("BATCH_INTERVAL", { seconds: Number(d.retryAfterSeconds ?? 0), interval: Number(d.intervalSeconds ?? 60) });
      case "BATCH_TOO_LARGE":
        return t("BATCH_TOO_LARGE", { max: n("max"), requested: n("requested") });
      case "CAPACITY_EXCEEDED": {
        const text = t("CAPACITY_EXCEEDED", {
          capacity: n("capacity"),
          proxies: Number(d.onlineProxies ?? 0),
          current: n("current"),
          requested: n("requested"),
          total: format.number(Number(d.current ?? 0) + Number(d.requested ?? 0)),
        });
        const unknown = Number(d.unknownSizeProxies ?? 0);
        // Japanese sentences follow each other without a space.
        const gap = text.endsWith("。") ? "" : " ";
        return unknown > 0 ? `${text}${gap}${t("CAPACITY_UNKNOWN_SIZE", { count: unknown })}` : text;
      }
      case "BANDWIDTH_HEADROOM":
        return t("BANDWIDTH_HEADROOM", {
          clients: n("clients"),
          required: n("requiredKbps"),
          limit: n("limitKbps"),
          allowed: n("allowedKbps"),
          minimum: n("minimumKbps"),
        });
      case "JOB_RUNNING":
        return t("JOB_RUNNING");
      case "AGENT_OFFLINE":
      case "NOT_ELIGIBLE":
      case "REGION_MISMATCH":
      case "NOT_FOUND":
        return d.problems ? t("problems", { count: Number(d.count ?? d.problems.length) }) : null;
      default:
        return null;
    }
  };
}

type Props = {
  error: unknown;
  title: string;
  /** "warning" for what a still-running job skipped; a refusal is an error. */
  tone?: "error" | "warning";
  onRemoveProblems?: (assetIds: string[]) => void;
  footer?: ReactNode;
};

export function ConnectErrorAlert({ error, title, tone = "error", onRemoveProblems, footer }: Props) {
  const t = useTranslations();
  const text = useConnectErrorText();
  const generic = useErrorText();
  const e = asConnectError(error);
  if (!e) return null;
  const problems = ((e.details ?? {}) as Details).problems ?? [];
  return (
    <Alert tone={tone} title={title}>
      <p>{text(e) ?? generic(error instanceof ApiError ? error : new ApiError(0, e.code, e.message, e.details, null))}</p>
      {problems.length > 0 ? (
        <ul className="list-disc space-y-0.5 pl-5">
          {problems.slice(0, SHOWN_PROBLEMS).map((p) => (
            <li key={p.assetId}>
              <span className="font-medium">{p.hostname ?? p.assetId}</span>
              {" — "}
              {t(
                `clientAccess.errors.reasons.${(REASONS as readonly string[]).includes(p.reason) ? (p.reason as (typeof REASONS)[number]) : "not_found"}`,
              )}
            </li>
          ))}
          {problems.length > SHOWN_PROBLEMS ? (
            <li>{t("clientAccess.errors.moreProblems", { count: problems.length - SHOWN_PROBLEMS })}</li>
          ) : null}
        </ul>
      ) : null}
      {problems.length > 0 && onRemoveProblems ? (
        <Button size="sm" className="mt-1" onClick={() => onRemoveProblems(problems.map((p) => p.assetId))}>
          {t("clientAccess.errors.removeProblems", { count: problems.length })}
        </Button>
      ) : null}
      {e.requestId ? <p className="font-mono text-xs text-red-800">{t("common.requestId", { id: e.requestId })}</p> : null}
      {footer}
    </Alert>
  );
}
