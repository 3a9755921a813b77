// The console's regions and left-navigation sections; the region is the first path segment.
import { Bell, BookOpen, Boxes, FileClock, Network, Settings, TerminalSquare, type LucideIcon } from "lucide-react";
import { regionSchema, type Region } from "@/lib/clusters/schemas";

export const REGIONS = regionSchema.options;
export const DEFAULT_REGION: Region = "intl";
/** Remembers the last region so "/" opens it again. */
export const REGION_COOKIE = "PAC_REGION";

export function isRegion(value: unknown): value is Region {
  return regionSchema.safeParse(value).success;
}

export const SECTIONS = ["clusters", "assets", "install-commands", "alerts", "audit", "api-docs", "settings"] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_ICONS: Record<Section, LucideIcon> = {
  clusters: Network,
  assets: Boxes,
  "install-commands": TerminalSquare,
  alerts: Bell,
  audit: FileClock,
  "api-docs": BookOpen,
  settings: Settings,
};

/** The section of a path like /cn/clusters/123/clients → "clusters". */
export function sectionOf(pathname: string): Section {
  const segment = pathname.split("/")[2];
  return SECTIONS.find((s) => s === segment) ?? "clusters";
}

export function writeCookie(name: string, value: string) {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax`;
}
