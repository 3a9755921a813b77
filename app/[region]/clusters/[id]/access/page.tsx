import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AccessPage } from "@/components/clients/access/access-page";
import { clusterParams, type ClusterParams } from "../../../region-param";

export async function generateMetadata() {
  return { title: (await getTranslations("clientAccess"))("title") };
}

export default async function Page(props: ClusterParams) {
  const { region, clusterId } = await clusterParams(props);
  // The picker's filters live in the query string and are read on the client, which needs a Suspense boundary.
  return (
    <Suspense>
      <AccessPage region={region} clusterId={clusterId} />
    </Suspense>
  );
}
