import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AuditPage } from "@/components/audit/audit-page";
import { regionParam, type RegionParams } from "../region-param";

export async function generateMetadata() {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function Page(props: RegionParams) {
  const region = await regionParam(props);
  // The filters are read from the URL on the client, which needs a Suspense boundary.
  return (
    <Suspense>
      <AuditPage region={region} />
    </Suspense>
  );
}
