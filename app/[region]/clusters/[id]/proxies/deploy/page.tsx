import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { DeployPage } from "@/components/proxies/deploy-page";
import { clusterParams, type ClusterParams } from "../../../../region-param";

export async function generateMetadata() {
  return { title: (await getTranslations("deployProxy"))("title") };
}

export default async function Page(props: ClusterParams) {
  const { region, clusterId } = await clusterParams(props);
  // The tab (?mode=manual) is read on the client, which needs a Suspense boundary.
  return (
    <Suspense>
      <DeployPage region={region} clusterId={clusterId} />
    </Suspense>
  );
}
