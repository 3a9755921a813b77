import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ClientsPage } from "@/components/clients/clients-page";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { regionParam } from "../../../region-param";

type Props = { params: Promise<{ region: string; id: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("clients"))("title") };
}

export default async function Page(props: Props) {
  const { id } = await props.params;
  if (!clusterIdSchema.safeParse({ id }).success) notFound();
  const region = await regionParam(props);
  // Filters and sort live in the query string and are read on the client, which needs a Suspense boundary.
  return (
    <Suspense>
      <ClientsPage region={region} clusterId={id} />
    </Suspense>
  );
}
