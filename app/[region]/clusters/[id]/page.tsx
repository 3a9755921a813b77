import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClusterDetailPage } from "@/components/cluster-detail/cluster-detail-page";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { regionParam } from "../../region-param";

type Props = { params: Promise<{ region: string; id: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("clusterDetail"))("summary") };
}

export default async function Page(props: Props) {
  const { id } = await props.params;
  if (!clusterIdSchema.safeParse({ id }).success) notFound();
  return <ClusterDetailPage region={await regionParam(props)} clusterId={id} />;
}
