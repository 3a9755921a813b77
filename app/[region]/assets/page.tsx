import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AssetsPage } from "@/components/assets/assets-page";
import { regionParam, type RegionParams } from "../region-param";

export async function generateMetadata() {
  return { title: (await getTranslations("assets"))("title") };
}

export default async function Page(props: RegionParams) {
  const region = await regionParam(props);
  // Filters live in the query string and are read on the client, which needs a Suspense boundary.
  return (
    <Suspense>
      <AssetsPage region={region} />
    </Suspense>
  );
}
