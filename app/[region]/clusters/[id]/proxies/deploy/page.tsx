import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { DeployPage } from "@/components/proxies/deploy-page";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { regionParam } from "../../../../region-param";

type Props = { params: Promise<{ region: string; id: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("deployProxy"))("title") };
}

export default async function Page(props: Props) {
  const { id } = await props.params;
  if (!clusterIdSchema.safeParse({ id }).success) notFound();
  // The tab (?mode=manual) is read on the client, which needs a Suspense boundary.
  return (
    <Suspense>
      <DeployPage region={await regionParam(props)} clusterId={id} />
    </Suspense>
  );
}
