import { getTranslations } from "next-intl/server";
import { GuidedDeletePage } from "@/components/cluster-delete/guided-delete-page";
import { clusterParams, type ClusterParams } from "../../../region-param";

export async function generateMetadata() {
  return { title: (await getTranslations("guidedDelete"))("titleLoading") };
}

export default async function Page(props: ClusterParams) {
  const { region, clusterId } = await clusterParams(props);
  return <GuidedDeletePage region={region} clusterId={clusterId} />;
}
