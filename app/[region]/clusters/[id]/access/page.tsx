import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AccessPage } from "@/components/clients/access/access-page";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { regionParam } from "../../../region-param";

type Props = { params: Promise<{ region: string; id: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("clientAccess"))("title") };
}

export default async function Page(props: Props) {
  const { id } = await props.params;
  if (!clusterIdSchema.safeParse({ id }).success) notFound();
  const region = await regionParam(props);
  // The picker's filters live in the query string and are read on the client, which needs a Suspense boundary.
  return (
    <Suspense>
      <AccessPage region={region} clusterId={id} />
    </Suspense>
  );
}
