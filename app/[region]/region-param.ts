// The [region] path segment, validated once for layouts and pages: anything but cn/intl is a 404.
import { notFound } from "next/navigation";
import { isRegion } from "@/components/shell/sections";
import { clusterIdSchema, type Region } from "@/lib/clusters/schemas";

export type RegionParams = { params: Promise<{ region: string }> };

export async function regionParam({ params }: RegionParams): Promise<Region> {
  const { region } = await params;
  if (!isRegion(region)) notFound();
  return region;
}

export type ClusterParams = { params: Promise<{ region: string; id: string }> };

/** [region]/clusters/[id]/…: the region and a cluster id that is a UUID; anything else is a 404. */
export async function clusterParams(props: ClusterParams): Promise<{ region: Region; clusterId: string }> {
  const { id } = await props.params;
  if (!clusterIdSchema.safeParse({ id }).success) notFound();
  return { region: await regionParam(props), clusterId: id };
}
