import { getTranslations } from "next-intl/server";
import { ClusterDetailPage } from "@/components/cluster-detail/cluster-detail-page";
import { clusterParams, type ClusterParams } from "../../region-param";

export async function generateMetadata() {
  return { title: (await getTranslations("clusterDetail"))("summary") };
}

export default async function Page(props: ClusterParams) {
  const { region, clusterId } = await clusterParams(props);
  return <ClusterDetailPage region={region} clusterId={clusterId} />;
}
