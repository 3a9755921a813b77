// The server refused a custom bandwidth (R17, BANDWIDTH_HEADROOM): its numbers, in words,
// scrolled into view — the dialog's body may have it below the fold.
"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import type { HeadroomRefusal } from "./policy-api";

export function HeadroomRefusalAlert({ refusal, error }: { refusal: HeadroomRefusal; error: unknown }) {
  const t = useTranslations("policy.refused");
  const format = useFormatter();
  const ref = useRef<HTMLDivElement>(null);
  // A block body: Chromium's scrollIntoView returns a Promise, which React would take for a cleanup.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "nearest" });
  }, [error]);
  const n = (value: number) => format.number(value);
  return (
    <div ref={ref} data-testid="headroom-refusal">
      <ApiErrorAlert
        error={error}
        title={t("title")}
        message={t("body", {
          count: refusal.clients,
          required: n(refusal.requiredKbps),
          limit: n(refusal.limitKbps),
          allowed: n(refusal.allowedKbps),
          minimum: n(refusal.minimumKbps),
        })}
      />
    </div>
  );
}
