// The [region] path segment, validated once for layouts and pages: anything but cn/intl is a 404.
import { notFound } from "next/navigation";
import { isRegion } from "@/components/shell/sections";
import type { Region } from "@/lib/clusters/schemas";

export type RegionParams = { params: Promise<{ region: string }> };

export async function regionParam({ params }: RegionParams): Promise<Region> {
  const { region } = await params;
  if (!isRegion(region)) notFound();
  return region;
}
