// Text cut to its box with an ellipsis, readable in full on hover and on keyboard focus (issue 13
// item 15): the trigger is focusable, the full text is a tooltip (radix) and the title.
"use client";
import { clsx } from "clsx";
import { Tooltip as T } from "radix-ui";

type Props = { text: string; className?: string };

export function TruncatedText({ text, className }: Props) {
  return (
    <T.Provider delayDuration={300}>
      <T.Root>
        <T.Trigger asChild>
          <span
            tabIndex={0}
            title={text}
            className={clsx(
              "block min-w-0 truncate rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
              className,
            )}
          >
            {text}
          </span>
        </T.Trigger>
        <T.Portal>
          <T.Content
            side="top"
            align="start"
            sideOffset={4}
            collisionPadding={8}
            className="z-50 max-w-96 rounded-md border border-slate-200 bg-white px-2 py-1 font-mono text-xs [overflow-wrap:anywhere] text-slate-800 shadow-lg"
          >
            {text}
          </T.Content>
        </T.Portal>
      </T.Root>
    </T.Provider>
  );
}
