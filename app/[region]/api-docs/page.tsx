import { getTranslations } from "next-intl/server";
import { ApiDocsPage } from "@/components/api-docs/api-docs-page";
import { regionParam, type RegionParams } from "../region-param";

export async function generateMetadata() {
  return { title: (await getTranslations("apiDocs"))("title") };
}

export default async function Page(props: RegionParams) {
  const region = await regionParam(props);
  return <ApiDocsPage region={region} />;
}
