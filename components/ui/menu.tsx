// Dropdown menu on radix: arrow keys, typeahead, Escape; disabled items show why they are disabled.
"use client";
import { clsx } from "clsx";
import { Ellipsis } from "lucide-react";
import { DropdownMenu as M } from "radix-ui";
import { useRef, type ReactNode } from "react";
import { buttonClass } from "./button";

export const Menu = M.Root;
export const MenuTrigger = M.Trigger;

type MenuContentProps = {
  children: ReactNode;
  label?: string;
  /** False when the chosen item opens a dialog: the dialog takes focus, not the trigger. */
  returnFocus?: () => boolean;
};

export function MenuContent({ children, label, returnFocus }: MenuContentProps) {
  return (
    <M.Portal>
      <M.Content
        aria-label={label}
        onCloseAutoFocus={(event) => {
          if (returnFocus && !returnFocus()) event.preventDefault();
        }}
        align="end"
        sideOffset={4}
        className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
      >
        {children}
      </M.Content>
    </M.Portal>
  );
}

type MenuItemProps = {
  icon?: ReactNode;
  children: ReactNode;
  onSelect?: () => void;
  /** Shown under the label when the item is disabled, so the reason is text, not a hover. */
  disabledReason?: string;
  danger?: boolean;
};

export function MenuItem({ icon, children, onSelect, disabledReason, danger }: MenuItemProps) {
  const disabled = Boolean(disabledReason);
  return (
    // Not radix's `disabled`: that skips the item in keyboard navigation, hiding the reason from
    // keyboard and screen-reader users. The item stays focusable, announced as unavailable, inert.
    <M.Item
      aria-disabled={disabled || undefined}
      onSelect={disabled ? (event) => event.preventDefault() : onSelect}
      className={clsx(
        "flex cursor-default items-start gap-2 rounded px-2 py-1.5 outline-none select-none",
        "data-highlighted:bg-slate-100 aria-disabled:cursor-not-allowed",
        danger ? "text-red-700" : "text-slate-800",
      )}
    >
      <span aria-hidden className={clsx("mt-0.5 shrink-0", disabled && "opacity-50")}>
        {icon}
      </span>
      <span className="min-w-0">
        <span className={clsx("block", disabled && "text-slate-500")}>{children}</span>
        {disabledReason ? <span className="block text-xs text-slate-500">{disabledReason}</span> : null}
      </span>
    </M.Item>
  );
}

/** Non-interactive text at the top of a menu, e.g. who is signed in. */
export function MenuLabel({ children }: { children: ReactNode }) {
  return <M.Label className="px-2 py-1.5">{children}</M.Label>;
}

export function MenuSeparator() {
  return <M.Separator className="my-1 h-px bg-slate-200" />;
}

/** Wraps an item's action that opens a dialog or a page, so focus goes there and not back to the menu button. */
export type OpensElsewhere = (action: () => void) => () => void;

type RowMenuProps = {
  /** Names the row, e.g. "Actions for web-01". */
  label: string;
  /** Marks the button (data-actions-for) so a dialog can return focus to it. */
  rowId: string;
  children: (opens: OpensElsewhere) => ReactNode;
  /** Rendered beside the menu, e.g. a dialog one of its items opens. */
  after?: ReactNode;
};

/** The "…" actions menu of a table row. */
export function RowMenu({ label, rowId, children, after }: RowMenuProps) {
  const openedElsewhere = useRef(false);
  const opens: OpensElsewhere = (action) => () => {
    openedElsewhere.current = true;
    action();
  };
  const returnFocus = () => {
    const refocus = !openedElsewhere.current;
    openedElsewhere.current = false;
    return refocus;
  };
  return (
    <Menu>
      <MenuTrigger aria-label={label} className={buttonClass("ghost", "sm")} data-actions-for={rowId}>
        <Ellipsis aria-hidden className="size-4" />
      </MenuTrigger>
      <MenuContent label={label} returnFocus={returnFocus}>
        {children(opens)}
      </MenuContent>
      {after}
    </Menu>
  );
}
