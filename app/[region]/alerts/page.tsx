import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AlertsPage } from "@/components/alerts/alerts-page";
import { regionParam, type RegionParams } from "../region-param";

export async function generateMetadata() {
  return { title: (await getTranslations("alerts"))("title") };
}

export default async function Page(props: RegionParams) {
  const region = await regionParam(props);
  // The filter lives in ?state=, read on the client: that needs a Suspense boundary.
  return (
    <Suspense>
      <AlertsPage region={region} />
    </Suspense>
  );
}
