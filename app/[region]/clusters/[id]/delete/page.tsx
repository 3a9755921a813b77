import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { GuidedDeletePage } from "@/components/cluster-delete/guided-delete-page";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { regionParam } from "../../../region-param";

type Props = { params: Promise<{ region: string; id: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("guidedDelete"))("titleLoading") };
}

export default async function Page(props: Props) {
  const { id } = await props.params;
  if (!clusterIdSchema.safeParse({ id }).success) notFound();
  return <GuidedDeletePage region={await regionParam(props)} clusterId={id} />;
}
