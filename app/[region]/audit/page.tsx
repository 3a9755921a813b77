import { ComingSoon, comingSoonTitle } from "@/components/shell/coming-soon";
import { regionParam, type RegionParams } from "../region-param";

export async function generateMetadata() {
  return { title: await comingSoonTitle("audit") };
}

export default async function Page(props: RegionParams) {
  return <ComingSoon region={await regionParam(props)} page="audit" />;
}
