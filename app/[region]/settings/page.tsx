import { getTranslations } from "next-intl/server";
import { SettingsPage } from "@/components/settings/settings-page";
import { regionParam, type RegionParams } from "../region-param";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function Page(props: RegionParams) {
  await regionParam(props);
  return <SettingsPage />;
}
