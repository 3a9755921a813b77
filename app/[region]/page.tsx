import { redirect } from "next/navigation";
import { regionParam, type RegionParams } from "./region-param";

export default async function RegionHome(props: RegionParams) {
  redirect(`/${await regionParam(props)}/clusters`);
}
