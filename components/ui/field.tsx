// A labelled form field: label, the control, a hint and an error, wired with aria attributes.
import { clsx } from "clsx";
import { useId, type ComponentProps, type ReactNode } from "react";

type FieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  requiredText?: string;
  children: (control: { id: string; "aria-describedby"?: string; "aria-invalid": boolean }) => ReactNode;
};

export function Field({ label, hint, error, required, requiredText, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required ? (
          <span className="ml-1 text-red-700" aria-hidden>
            *
          </span>
        ) : null}
        {required && requiredText ? <span className="sr-only"> ({requiredText})</span> : null}
      </label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": Boolean(error) })}
      {error ? (
        <p id={errorId} className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      {hint ? (
        <div id={hintId} className="text-xs text-slate-600">
          {hint}
        </div>
      ) : null}
    </div>
  );
}

const CONTROL =
  "block w-full rounded border border-slate-300 bg-white px-2.5 text-sm text-slate-900 placeholder:text-slate-400 " +
  "aria-invalid:border-red-600 read-only:bg-slate-50 read-only:text-slate-700 disabled:bg-slate-50";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={clsx(CONTROL, "h-8", className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={clsx(CONTROL, "h-8 pr-7", className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={clsx(CONTROL, "min-h-20 py-1.5", className)} {...props} />;
}
