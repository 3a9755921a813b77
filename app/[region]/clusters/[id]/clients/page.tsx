import { notFound } from "next/navigation";
import { ComingSoon, comingSoonTitle } from "@/components/shell/coming-soon";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { regionParam } from "../../../region-param";

type Props = { params: Promise<{ region: string; id: string }> };

export async function generateMetadata() {
  return { title: await comingSoonTitle("clients") };
}

export default async function Page(props: Props) {
  if (!clusterIdSchema.safeParse({ id: (await props.params).id }).success) notFound();
  return <ComingSoon region={await regionParam(props)} page="clients" />;
}
