// Email + password sign-in. Wrong credentials and throttling are said plainly; on success the
// browser loads `next` afresh, so nothing cached for a previous user survives.
"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { useServerFieldErrors } from "@/components/forms/use-server-field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { ApiError } from "@/lib/api-client/api-error";
import { signInSchema } from "@/lib/auth/schemas";
import { useZodErrorMap } from "@/lib/i18n/use-zod-error-map";
import { signIn } from "./auth-api";
import { useEmailError } from "./use-email-error";

type Values = z.input<typeof signInSchema>;

/** Whole minutes to wait, from TOO_MANY_ATTEMPTS details (never less than one). */
function minutesToWait(error: ApiError): number {
  const seconds = Number((error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1;
}

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations();
  const errorMap = useZodErrorMap();
  const mutation = useMutation({ mutationFn: signIn });
  const form = useForm<Values, unknown, z.output<typeof signInSchema>>({
    resolver: zodResolver(signInSchema, { error: errorMap }),
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const placeFieldErrors = useServerFieldErrors(form.setError, ["email", "password"]);
  const busy = isSubmitting || mutation.isPending || mutation.isSuccess;

  const submit = form.handleSubmit(async (input) => {
    try {
      await mutation.mutateAsync(input);
      window.location.assign(next);
    } catch (error) {
      if (error instanceof ApiError && error.code === "INVALID_CREDENTIALS") {
        form.resetField("password");
        form.setFocus("password");
      } else if (!placeFieldErrors(error)) {
        form.setError("root.server", { type: "server" });
      }
    }
  });

  const error = mutation.error;
  const emailError = useEmailError()(errors.email, form.getValues("email"));

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {error instanceof ApiError && error.code === "INVALID_CREDENTIALS" ? (
        <Alert title={t("signIn.failedTitle")}>
          <p>{t("signIn.invalidCredentials")}</p>
        </Alert>
      ) : error instanceof ApiError && error.code === "TOO_MANY_ATTEMPTS" ? (
        <Alert title={t("signIn.failedTitle")}>
          <p>{t("signIn.tooManyAttempts", { minutes: minutesToWait(error) })}</p>
        </Alert>
      ) : errors.root?.server ? (
        <ApiErrorAlert error={error} />
      ) : null}
      <Field label={t("signIn.email")} error={emailError} required requiredText={t("common.requiredField")}>
        {(a) => (
          <Input
            {...a}
            {...form.register("email")}
            type="email"
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="none"
            autoFocus
          />
        )}
      </Field>
      <Field label={t("signIn.password")} error={errors.password?.message} required requiredText={t("common.requiredField")}>
        {(a) => <Input {...a} {...form.register("password")} type="password" autoComplete="current-password" />}
      </Field>
      <Button type="submit" variant="primary" className="w-full" disabled={busy}>
        {busy ? <Spinner /> : null}
        {busy ? t("signIn.submitting") : t("signIn.submit")}
      </Button>
    </form>
  );
}
