// The body of an asset list with no rows: nothing in the region (or cluster) yet, or nothing
// matching the filters — with the way out of each.
"use client";
import { Boxes, SearchX } from "lucide-react";
import type { ReactNode } from "react";

type Props = { filtered: boolean; title: string; body: string; action?: ReactNode };

export function ListEmpty({ filtered, title, body, action }: Props) {
  const Icon = filtered ? SearchX : Boxes;
  return (
    <div className="flex flex-col items-center px-6 py-10 text-center">
      <Icon aria-hidden className="size-8 text-slate-400" />
      <p className="mt-3 text-base font-semibold text-slate-900">{title}</p>
      <p className="mt-1 max-w-lg text-slate-600">{body}</p>
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
