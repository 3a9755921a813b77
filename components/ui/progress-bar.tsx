// A labelled progress or usage bar (role="progressbar" with its numbers); the tone adds color,
// the label and value text carry the meaning.
import { clsx } from "clsx";

type Props = {
  label: string;
  value: number;
  max: number;
  /** What a screen reader says instead of a bare percentage, e.g. "820 of 18,000". */
  valueText?: string;
  tone?: "brand" | "warning" | "danger";
  className?: string;
};

export function ProgressBar({ label, value, max, valueText, tone = "brand", className }: Props) {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : value > 0 ? 1 : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={Math.min(value, max)}
      aria-valuetext={valueText}
      className={clsx("h-2 w-full overflow-hidden rounded-full bg-slate-200", className)}
    >
      <div
        className={clsx(
          "h-full rounded-full transition-[width] duration-500",
          tone === "brand" && "bg-brand-600",
          tone === "warning" && "bg-amber-500",
          tone === "danger" && "bg-red-600",
        )}
        style={{ width: `${share * 100}%` }}
      />
    </div>
  );
}
