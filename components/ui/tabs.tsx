// Tabs on radix: arrow keys move between tabs, each panel labelled by its tab.
"use client";
import { clsx } from "clsx";
import { Tabs as T } from "radix-ui";
import type { ReactNode } from "react";

export const Tabs = T.Root;
export const TabPanel = T.Content;

export function TabList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <T.List aria-label={label} className="flex gap-1 border-b border-slate-200">
      {children}
    </T.List>
  );
}

export function Tab({ value, children, className }: { value: string; children: ReactNode; className?: string }) {
  return (
    <T.Trigger
      value={value}
      className={clsx(
        "-mb-px border-b-2 px-3 py-2 text-left text-sm font-medium whitespace-nowrap",
        "border-transparent text-slate-600 hover:text-slate-900",
        "data-[state=active]:border-brand-600 data-[state=active]:text-brand-700",
        className,
      )}
    >
      {children}
    </T.Trigger>
  );
}
