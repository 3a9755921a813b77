// A tooltip on a focusable trigger: opens on hover and on keyboard focus, closes on Escape, and
// describes its trigger to screen readers (role tooltip, aria-describedby) while open.
"use client";
import { Tooltip as T } from "radix-ui";
import type { ReactNode } from "react";

type Props = {
  /** What the trigger shows (a badge, a short label); it should make sense without the tip. */
  children: ReactNode;
  tip: ReactNode;
  /** The trigger's accessible name when its content is only an icon. */
  label?: string;
};

export function InfoTip({ children, tip, label }: Props) {
  return (
    <T.Provider delayDuration={200}>
      <T.Root>
        <T.Trigger asChild>
          <button
            type="button"
            aria-label={label}
            className="inline-flex max-w-full cursor-help items-center rounded text-left focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            {children}
          </button>
        </T.Trigger>
        <T.Portal>
          <T.Content
            side="top"
            align="start"
            sideOffset={6}
            collisionPadding={8}
            className="z-50 max-w-80 rounded-md border border-slate-200 bg-white px-3 py-2 text-xs leading-relaxed text-slate-800 shadow-lg"
          >
            {tip}
            <T.Arrow className="fill-white" />
          </T.Content>
        </T.Portal>
      </T.Root>
    </T.Provider>
  );
}
