import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ClientsPage } from "@/components/clients/clients-page";
import { clusterParams, type ClusterParams } from "../../../region-param";

export async function generateMetadata() {
  return { title: (await getTranslations("clients"))("title") };
}

export default async function Page(props: ClusterParams) {
  const { region, clusterId } = await clusterParams(props);
  // Filters and sort live in the query string and are read on the client, which needs a Suspense boundary.
  return (
    <Suspense>
      <ClientsPage region={region} clusterId={clusterId} />
    </Suspense>
  );
}
