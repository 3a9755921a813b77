import { getTranslations } from "next-intl/server";
import { PlanPage } from "@/components/planning/plan-page";
import { clusterParams, type ClusterParams } from "../../../region-param";

export async function generateMetadata() {
  return { title: (await getTranslations("planning.page"))("title") };
}

export default async function Page(props: ClusterParams) {
  const { region, clusterId } = await clusterParams(props);
  return <PlanPage region={region} clusterId={clusterId} />;
}
