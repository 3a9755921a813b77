// Settings → Webhook destinations (issue 14): an admin adds, edits, tests, rotates the secret of
// and deletes destinations; everyone sees them and their delivery logs.
"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { KeyRound, Pencil, ScrollText, Send, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { ShownOnceStep } from "@/components/auth/shown-once";
import { useCan } from "@/components/auth/use-can";
import { ApiErrorAlert } from "@/components/errors/api-error-alert";
import { useServerFieldErrors } from "@/components/forms/use-server-field-errors";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, DialogActions } from "@/components/ui/confirm-dialog";
import { Dialog, DIALOG_FORM_CLASS, DialogBody } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { MenuItem, RowMenu } from "@/components/ui/menu";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { CELL_CLASS, ROW_CLASS, TableFrame } from "@/components/ui/table";
import { createWebhookSchema, webhookSecretSchema } from "@/lib/alerts/schemas";
import { useZodErrorMap } from "@/lib/i18n/use-zod-error-map";
import {
  useCreateWebhook,
  useDeleteWebhook,
  useDeliveries,
  useTestWebhook,
  useUpdateWebhook,
  useWebhooks,
  type DeliveryDto,
  type WebhookDto,
  type WebhookWithSecret,
} from "./alerts-api";

const STATUS_TONE: Record<DeliveryDto["status"], BadgeTone> = {
  pending: "warning",
  delivering: "info",
  delivered: "success",
  failed: "warning",
};

export function WebhooksSection() {
  const t = useTranslations("webhooks");
  const can = useCan();
  const admin = can("admin");
  const hooks = useWebhooks();
  const [editing, setEditing] = useState<WebhookDto | "new" | null>(null);
  const [deleting, setDeleting] = useState<WebhookDto | null>(null);
  const [rotating, setRotating] = useState<WebhookDto | null>(null);
  const [log, setLog] = useState<WebhookDto | null>(null);
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);

  return (
    <section aria-labelledby="webhooks-title" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="webhooks-title" tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none">
            {t("title")}
          </h2>
          <p className="mt-0.5 max-w-3xl text-sm text-slate-600">{t("subtitle")}</p>
        </div>
        {admin ? (
          <Button variant="primary" onClick={() => setEditing("new")}>
            <Send aria-hidden className="size-4" />
            {t("add")}
          </Button>
        ) : null}
      </div>
      {!admin ? (
        <Alert tone="info">
          <p>{t("readOnly")}</p>
        </Alert>
      ) : null}
      {hooks.data && hooks.data.length > 0 ? (
        <WebhooksTable
          hooks={hooks.data}
          admin={admin}
          onEdit={setEditing}
          onDelete={setDeleting}
          onRotate={setRotating}
          onLog={setLog}
        />
      ) : hooks.data ? (
        <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
          {t("empty")}
        </p>
      ) : hooks.isError ? (
        <ApiErrorAlert
          error={hooks.error}
          title={t("loadError")}
          onRetry={() => void hooks.refetch()}
          retrying={hooks.isFetching}
        />
      ) : (
        <div role="status" aria-label={t("loading")} className="space-y-2 rounded-md border border-slate-200 p-3">
          <Skeleton className="h-5 w-full" />
        </div>
      )}
      <WebhookDialog target={editing} onClose={() => setEditing(null)} onSecret={setSecret} />
      <SecretDialog hook={secret} onClose={() => setSecret(null)} />
      <RotateDialog hook={rotating} onClose={() => setRotating(null)} onSecret={setSecret} />
      <DeleteDialog hook={deleting} onClose={() => setDeleting(null)} />
      <DeliveryLogDialog hook={log} onClose={() => setLog(null)} />
    </section>
  );
}

type TableProps = {
  hooks: WebhookDto[];
  admin: boolean;
  onEdit: (h: WebhookDto) => void;
  onDelete: (h: WebhookDto) => void;
  onRotate: (h: WebhookDto) => void;
  onLog: (h: WebhookDto) => void;
};

function WebhooksTable({ hooks, admin, onEdit, onDelete, onRotate, onLog }: TableProps) {
  const t = useTranslations("webhooks");
  const format = useFormatter();
  const test = useTestWebhook();
  const [testing, setTesting] = useState<string | null>(null);
  const columns = [
    { key: "name", label: t("columns.name"), className: "min-w-36" },
    { key: "url", label: t("columns.url") },
    { key: "enabled", label: t("columns.enabled") },
    { key: "last", label: t("columns.last") },
    { key: "actions", label: t("columns.actions"), srOnly: true },
  ];

  function sendTest(hook: WebhookDto) {
    setTesting(hook.id);
    test.mutate(hook.id, {
      onSuccess: (r) =>
        r.delivered
          ? toast.success(t("test.ok", { name: hook.name, status: r.statusCode ?? "" }))
          : toast.error(t("test.failed", { name: hook.name, error: r.error ?? "" })),
      onError: (e) => toast.error(t("test.failed", { name: hook.name, error: e.message })),
      onSettled: () => setTesting(null),
    });
  }

  return (
    <TableFrame caption={t("tableCaption")} columns={columns} minWidth="min-w-[48rem]">
      {hooks.map((hook) => (
        <tr key={hook.id} className={ROW_CLASS} data-webhook={hook.name}>
          <th scope="row" className={`${CELL_CLASS} text-left font-medium [overflow-wrap:anywhere] text-slate-900`}>
            {hook.name}
          </th>
          <td className={`${CELL_CLASS} font-mono text-[13px] [overflow-wrap:anywhere]`}>{hook.url}</td>
          <td className={CELL_CLASS}>
            <Badge tone={hook.enabled ? "success" : "muted"}>{t(`enabledState.${hook.enabled ? "on" : "off"}`)}</Badge>
          </td>
          <td className={`${CELL_CLASS} whitespace-nowrap`}>
            {hook.lastDelivery ? (
              <span className="flex items-center gap-2">
                <Badge tone={STATUS_TONE[hook.lastDelivery.status]}>{t(`deliveryStatus.${hook.lastDelivery.status}`)}</Badge>
                <span className="text-xs text-slate-600">
                  {format.dateTime(new Date(hook.lastDelivery.at), { dateStyle: "medium", timeStyle: "short" })}
                </span>
              </span>
            ) : (
              <span className="text-slate-600">{t("never")}</span>
            )}
          </td>
          <td className={`${CELL_CLASS} py-1.5 text-right whitespace-nowrap`}>
            <span className="inline-flex items-center gap-1">
              {admin ? (
                <Button size="sm" variant="ghost" onClick={() => sendTest(hook)} disabled={testing === hook.id}>
                  {testing === hook.id ? <Spinner /> : <Send aria-hidden className="size-3.5" />}
                  {testing === hook.id ? t("test.sending") : t("test.open")}
                  <span className="sr-only"> {hook.name}</span>
                </Button>
              ) : null}
              <RowMenu label={t("rowActions", { name: hook.name })} rowId={hook.id}>
                {(opens) => (
                  <>
                    <MenuItem icon={<ScrollText className="size-4" />} onSelect={opens(() => onLog(hook))}>
                      {t("log.open")}
                    </MenuItem>
                    {admin ? (
                      <>
                        <MenuItem icon={<Pencil className="size-4" />} onSelect={opens(() => onEdit(hook))}>
                          {t("edit")}
                        </MenuItem>
                        <MenuItem icon={<KeyRound className="size-4" />} onSelect={opens(() => onRotate(hook))}>
                          {t("rotate.open")}
                        </MenuItem>
                        <MenuItem icon={<Trash2 className="size-4" />} onSelect={opens(() => onDelete(hook))} danger>
                          {t("delete.open")}
                        </MenuItem>
                      </>
                    ) : null}
                  </>
                )}
              </RowMenu>
            </span>
          </td>
        </tr>
      ))}
    </TableFrame>
  );
}

type FormValues = z.input<typeof createWebhookSchema>;
/** The form's secret may be left empty: generated on create, kept on edit. */
const FORM_SCHEMA = createWebhookSchema.extend({ secret: z.union([webhookSecretSchema, z.literal("")]).optional() });

function WebhookDialog({
  target,
  onClose,
  onSecret,
}: {
  target: WebhookDto | "new" | null;
  onClose: () => void;
  onSecret: (h: WebhookWithSecret) => void;
}) {
  const t = useTranslations();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const editing = target !== null && target !== "new" ? target : null;
  const mutation = editing ? update : create;
  function close() {
    create.reset();
    update.reset();
    onClose();
  }
  return (
    <Dialog
      open={target !== null}
      onOpenChange={(next) => (next ? undefined : close())}
      busy={mutation.isPending}
      title={editing ? t("webhooks.form.editTitle", { name: editing.name }) : t("webhooks.form.createTitle")}
      closeLabel={t("common.close")}
    >
      {target === null ? null : (
        <WebhookForm
          key={editing?.id ?? "new"}
          editing={editing}
          error={mutation.error}
          busy={mutation.isPending}
          onCancel={close}
          onSubmit={async (values) => {
            const secret = values.secret ? values.secret : undefined;
            if (editing) {
              await update.mutateAsync({
                id: editing.id,
                body: { name: values.name, url: values.url, enabled: values.enabled, ...(secret ? { secret } : {}) },
              });
              close();
            } else {
              const created = await create.mutateAsync({ ...values, secret });
              close();
              onSecret(created);
            }
          }}
        />
      )}
    </Dialog>
  );
}

function WebhookForm(props: {
  editing: WebhookDto | null;
  error: Error | null;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (v: FormValues) => Promise<void>;
}) {
  const t = useTranslations();
  const errorMap = useZodErrorMap();
  const form = useForm<FormValues>({
    resolver: zodResolver(FORM_SCHEMA, { error: errorMap }) as never,
    defaultValues: {
      name: props.editing?.name ?? "",
      url: props.editing?.url ?? "https://",
      secret: "",
      enabled: props.editing?.enabled ?? true,
    },
    mode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;
  const placeFieldErrors = useServerFieldErrors(form.setError, ["name", "url", "secret"]);
  const submit = form.handleSubmit(async (values) => {
    try {
      await props.onSubmit(values);
    } catch (error) {
      if (!placeFieldErrors(error)) form.setError("root.server", { type: "server" });
    }
  });
  return (
    <form onSubmit={submit} noValidate className={DIALOG_FORM_CLASS}>
      <DialogBody>
        <Field label={t("webhooks.form.name")} error={errors.name?.message} required requiredText={t("common.requiredField")}>
          {(a) => <Input {...a} {...form.register("name")} autoComplete="off" data-autofocus />}
        </Field>
        <Field
          label={t("webhooks.form.url")}
          hint={t("webhooks.form.urlHint")}
          error={errors.url?.message}
          required
          requiredText={t("common.requiredField")}
        >
          {(a) => <Input {...a} {...form.register("url")} type="url" autoComplete="off" className="font-mono" />}
        </Field>
        <Field
          label={t("webhooks.form.secret")}
          hint={props.editing ? t("webhooks.form.secretKeep") : t("webhooks.form.secretHint")}
          error={errors.secret?.message}
        >
          {(a) => <Input {...a} {...form.register("secret")} type="password" autoComplete="new-password" className="font-mono" />}
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...form.register("enabled")} className="accent-brand-600" />
          {t("webhooks.form.enabled")}
        </label>
        {errors.root?.server ? <ApiErrorAlert error={props.error} /> : null}
      </DialogBody>
      <DialogActions
        busy={isSubmitting || props.busy}
        onCancel={props.onCancel}
        label={props.editing ? t("webhooks.form.save") : t("webhooks.form.create")}
        busyLabel={props.editing ? t("webhooks.form.saving") : t("webhooks.form.creating")}
      />
    </form>
  );
}

function SecretDialog({ hook, onClose }: { hook: WebhookWithSecret | null; onClose: () => void }) {
  const t = useTranslations();
  return (
    <Dialog
      open={hook !== null && hook.secret !== null}
      onOpenChange={(next) => (next ? undefined : onClose())}
      title={hook ? t("webhooks.secretShown.title", { name: hook.name }) : ""}
      closeLabel={t("common.close")}
    >
      {hook?.secret ? (
        <ShownOnceStep
          intro=""
          label={t("webhooks.form.secret")}
          value={hook.secret}
          warning={t("webhooks.secretShown.body")}
          copyLabel={t("webhooks.secretShown.copy")}
          doneLabel={t("webhooks.secretShown.done")}
          onDone={onClose}
        />
      ) : null}
    </Dialog>
  );
}

function RotateDialog({
  hook,
  onClose,
  onSecret,
}: {
  hook: WebhookDto | null;
  onClose: () => void;
  onSecret: (h: WebhookWithSecret) => void;
}) {
  const t = useTranslations();
  const update = useUpdateWebhook();
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      subject={hook}
      title={hook ? t("webhooks.rotate.title", { name: hook.name }) : ""}
      busy={update.isPending}
      label={t("webhooks.rotate.submit")}
      busyLabel={t("webhooks.rotate.submitting")}
      onClose={close}
      onConfirm={(h) =>
        update.mutate(
          { id: h.id, body: { rotateSecret: true } },
          {
            onSuccess: (r) => {
              close();
              onSecret(r);
            },
          },
        )
      }
    >
      {() => (
        <>
          <p className="text-slate-800">{t("webhooks.rotate.confirm")}</p>
          {update.error ? <ApiErrorAlert error={update.error} /> : null}
        </>
      )}
    </ConfirmDialog>
  );
}

function DeleteDialog({ hook, onClose }: { hook: WebhookDto | null; onClose: () => void }) {
  const t = useTranslations();
  const remove = useDeleteWebhook();
  const deliveries = useDeliveries(hook?.id ?? null);
  const pending = deliveries.data?.filter((d) => d.status === "pending" || d.status === "delivering").length ?? 0;
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      subject={hook}
      title={hook ? t("webhooks.delete.title", { name: hook.name }) : ""}
      busy={remove.isPending}
      label={t("webhooks.delete.submit")}
      busyLabel={t("webhooks.delete.submitting")}
      onClose={close}
      onConfirm={(h) =>
        remove.mutate(h.id, {
          onSuccess: () => {
            toast.success(t("webhooks.delete.done", { name: h.name }));
            close();
          },
        })
      }
    >
      {(h) => (
        <>
          <p className="text-slate-800 [overflow-wrap:anywhere]">{t("webhooks.delete.confirm", { url: h.url, pending })}</p>
          {remove.error ? <ApiErrorAlert error={remove.error} /> : null}
        </>
      )}
    </ConfirmDialog>
  );
}

function DeliveryLogDialog({ hook, onClose }: { hook: WebhookDto | null; onClose: () => void }) {
  const t = useTranslations("webhooks");
  const tc = useTranslations("common");
  const format = useFormatter();
  const deliveries = useDeliveries(hook?.id ?? null);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" });
  const columns = [
    { key: "event", label: t("log.columns.event") },
    { key: "status", label: t("log.columns.status") },
    { key: "attempts", label: t("log.columns.attempts") },
    { key: "created", label: t("log.columns.created") },
  ];
  return (
    <Dialog
      open={hook !== null}
      onOpenChange={(next) => (next ? undefined : onClose())}
      title={hook ? t("log.title", { name: hook.name }) : ""}
      closeLabel={tc("close")}
    >
      <DialogBody>
        {!deliveries.data ? (
          deliveries.isError ? (
            <ApiErrorAlert error={deliveries.error} />
          ) : (
            <Skeleton className="h-16 w-full" />
          )
        ) : deliveries.data.length === 0 ? (
          <p className="text-sm text-slate-600">{t("log.empty")}</p>
        ) : (
          <TableFrame caption={t("log.caption", { name: hook?.name ?? "" })} columns={columns} minWidth="min-w-[36rem]" dense>
            {deliveries.data.map((d) => (
              <tr key={d.id} className={ROW_CLASS} data-delivery={d.id}>
                <td className={CELL_CLASS}>{t(`log.events.${d.event}`)}</td>
                <td className={CELL_CLASS}>
                  <Badge tone={STATUS_TONE[d.status]}>{t(`deliveryStatus.${d.status}`)}</Badge>
                  {d.status === "pending" ? (
                    <span className="block text-xs text-slate-600">{t("log.nextAttempt", { at: when(d.nextAttemptAt) })}</span>
                  ) : null}
                </td>
                <td className={CELL_CLASS}>
                  <ol className="space-y-0.5 text-xs text-slate-700">
                    {d.log.map((a) => (
                      <li key={a.attempt}>
                        {t("log.attempt", {
                          n: a.attempt,
                          result: a.statusCode !== null ? `HTTP ${a.statusCode}` : (a.error ?? t("log.noAnswer")),
                        })}
                      </li>
                    ))}
                  </ol>
                </td>
                <td className={`${CELL_CLASS} text-xs whitespace-nowrap text-slate-700`}>{when(d.createdAt)}</td>
              </tr>
            ))}
          </TableFrame>
        )}
      </DialogBody>
    </Dialog>
  );
}
