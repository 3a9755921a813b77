import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ClustersPage } from "@/components/clusters/clusters-page";
import { regionParam, type RegionParams } from "../region-param";

export async function generateMetadata() {
  return { title: (await getTranslations("clusters"))("title") };
}

export default async function Page(props: RegionParams) {
  const region = await regionParam(props);
  // The search box reads ?q= on the client, which needs a Suspense boundary.
  return (
    <Suspense>
      <ClustersPage region={region} />
    </Suspense>
  );
}
