// The footer every dialog with one action shares, and the confirmation dialog built on it
// (role alertdialog): Cancel first and focused, then the action, which shows a spinner and its
// "…ing" label while the request runs.
"use client";
import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";
import { Dialog, DialogBody, DialogFooter } from "./dialog";
import { Spinner } from "./spinner";

type DialogActionsProps = {
  busy: boolean;
  onCancel: () => void;
  label: ReactNode;
  busyLabel: ReactNode;
  /** A form's submit button, or a button that calls onAction. */
  onAction?: () => void;
  variant?: ButtonVariant;
  /** Focus Cancel when the dialog opens (confirmations: the safe choice first). */
  focusCancel?: boolean;
  /** The action cannot go ahead (the body says why): only Close is offered. */
  blocked?: boolean;
  /** Set while the action is not available yet (e.g. nothing changed): shown beside it, and it is disabled. */
  disabledReason?: string;
};

export function DialogActions(props: DialogActionsProps) {
  const { busy, onCancel, label, busyLabel, onAction, variant = "primary", focusCancel, blocked, disabledReason } = props;
  const t = useTranslations("common");
  const reasonId = useId();
  const unavailable = !busy && disabledReason;
  return (
    <DialogFooter>
      {unavailable ? (
        <p id={reasonId} className="mr-auto self-center text-xs text-slate-600">
          {disabledReason}
        </p>
      ) : null}
      <Button onClick={onCancel} disabled={busy} {...(focusCancel ? { "data-autofocus": true } : {})}>
        {blocked ? t("close") : t("cancel")}
      </Button>
      {blocked ? null : (
        <Button
          type={onAction ? "button" : "submit"}
          variant={variant}
          onClick={onAction}
          disabled={busy || Boolean(unavailable)}
          aria-busy={busy || undefined}
          aria-describedby={unavailable ? reasonId : undefined}
        >
          {busy ? <Spinner /> : null}
          {busy ? busyLabel : label}
        </Button>
      )}
    </DialogFooter>
  );
}

type ConfirmDialogProps<T> = Omit<DialogActionsProps, "onCancel" | "onAction" | "focusCancel"> & {
  /** What the action is about; the dialog is open while it is set. */
  subject: T | null;
  title: ReactNode;
  /** What will happen, and any error of the last attempt. */
  children: (subject: T) => ReactNode;
  onConfirm: (subject: T) => void;
  onClose: () => void;
  returnFocus?: () => HTMLElement | null;
};

export function ConfirmDialog<T>({
  subject,
  title,
  children,
  onConfirm,
  onClose,
  returnFocus,
  ...actions
}: ConfirmDialogProps<T>) {
  const t = useTranslations("common");
  return (
    <Dialog
      role="alertdialog"
      open={subject !== null}
      onOpenChange={(next) => (next ? undefined : onClose())}
      busy={actions.busy}
      title={title}
      closeLabel={t("close")}
      returnFocus={returnFocus}
    >
      {subject !== null ? (
        <>
          <DialogBody>{children(subject)}</DialogBody>
          <DialogActions
            {...actions}
            variant={actions.variant ?? "danger"}
            onCancel={onClose}
            onAction={() => onConfirm(subject)}
            focusCancel
          />
        </>
      ) : null}
    </Dialog>
  );
}
