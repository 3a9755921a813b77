// A failed request as an alert: what happened, the request id to quote, and a retry.
"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/api-client/api-error";
import { useErrorText } from "./use-error-text";

type Props = {
  error: unknown;
  title?: string;
  /** A feature's own wording of the error (e.g. a rule refusal); the request id is still shown. */
  message?: string;
  onRetry?: () => void;
  retrying?: boolean;
};

export function ApiErrorAlert({ error, title, message, onRetry, retrying }: Props) {
  const t = useTranslations();
  const errorText = useErrorText();
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <Alert title={title ?? t("errors.title")}>
      <p>{message ?? errorText(error)}</p>
      {requestId ? <p className="font-mono text-xs text-red-800">{t("common.requestId", { id: requestId })}</p> : null}
      {onRetry ? (
        <Button size="sm" className="mt-1" onClick={onRetry} disabled={retrying}>
          {t("common.retry")}
        </Button>
      ) : null}
    </Alert>
  );
}
