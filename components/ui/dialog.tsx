// Modal dialog built on radix Dialog: focus trap, Escape to close, labelled by its title.
"use client";
import { X } from "lucide-react";
import { Dialog as D } from "radix-ui";
import { useRef, type ReactNode } from "react";

type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  closeLabel: string;
  children: ReactNode;
  /** Prevents closing by Escape/outside click while a request is running. */
  busy?: boolean;
  /** "alertdialog" for confirmations of destructive actions. */
  role?: "dialog" | "alertdialog";
  /** Where focus goes on close; by default the element focused before opening. */
  returnFocus?: () => HTMLElement | null | undefined;
};

/** Focus on open: the element marked data-autofocus (a form's first field, a safe Cancel), else radix's first. */
function focusMarked(event: Event) {
  const target = (event.currentTarget as HTMLElement | null)?.querySelector<HTMLElement>("[data-autofocus]");
  if (!target) return;
  event.preventDefault();
  target.focus();
}

/** Focus on close: the asked-for element, else the opener if it still exists, else the main landmark. */
function focusBack(event: Event, preferred: HTMLElement | null | undefined, opener: Element | null) {
  event.preventDefault();
  const target = preferred ?? (opener instanceof HTMLElement && opener.isConnected ? opener : document.getElementById("main"));
  target?.focus();
}

export function Dialog(props: DialogProps) {
  const { open, onOpenChange, title, description, closeLabel, children, busy, role = "dialog", returnFocus } = props;
  const opener = useRef<Element | null>(null);
  return (
    <D.Root open={open} onOpenChange={(next) => (busy && !next ? undefined : onOpenChange(next))}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <D.Content
          role={role}
          onOpenAutoFocus={(event) => {
            opener.current = document.activeElement;
            focusMarked(event);
          }}
          onCloseAutoFocus={(event) => focusBack(event, returnFocus?.(), opener.current)}
          // Names and addresses of 64+ characters with no space break anywhere rather than spill
          // out of the dialog (issue 13 item 15).
          className="fixed top-[6vh] left-1/2 z-50 flex max-h-[88vh] w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 flex-col rounded-md border border-slate-200 bg-white [overflow-wrap:anywhere] shadow-xl"
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <div className="flex shrink-0 items-start justify-between gap-4 border-b border-slate-200 px-5 py-3">
            <div className="min-w-0">
              <D.Title className="text-base font-semibold text-slate-900">{title}</D.Title>
              {description ? <D.Description className="mt-0.5 text-sm text-slate-600">{description}</D.Description> : null}
            </div>
            <D.Close className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800" disabled={busy}>
              <X aria-hidden className="size-4" />
              <span className="sr-only">{closeLabel}</span>
            </D.Close>
          </div>
          {children}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

/** The part of a dialog that scrolls when the window is short; header and footer stay visible. */
export function DialogBody({ children }: { children: ReactNode }) {
  return <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-5 py-4">{children}</div>;
}

/** Footer row of a dialog: secondary actions left of the primary one. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="flex shrink-0 justify-end gap-2 border-t border-slate-200 px-5 py-3">{children}</div>;
}

/** A form filling the dialog, so its body can scroll between the fixed header and footer. */
export const DIALOG_FORM_CLASS = "flex min-h-0 flex-1 flex-col";
