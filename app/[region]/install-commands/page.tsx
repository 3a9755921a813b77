import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { InstallCommandsPage } from "@/components/install-commands/install-commands-page";
import { regionParam, type RegionParams } from "../region-param";

export async function generateMetadata() {
  return { title: (await getTranslations("installCommands"))("title") };
}

export default async function Page(props: RegionParams) {
  const region = await regionParam(props);
  // The filters live in ?status= and ?cluster=, read on the client: that needs a Suspense boundary.
  return (
    <Suspense>
      <InstallCommandsPage region={region} />
    </Suspense>
  );
}
