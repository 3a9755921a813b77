import { getTranslations } from "next-intl/server";
import { ProxiesPage } from "@/components/proxies/proxies-page";
import { clusterParams, type ClusterParams } from "../../../region-param";

export async function generateMetadata() {
  return { title: (await getTranslations("proxies"))("title") };
}

export default async function Page(props: ClusterParams) {
  const { region, clusterId } = await clusterParams(props);
  return <ProxiesPage region={region} clusterId={clusterId} />;
}
