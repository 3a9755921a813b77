import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { regionParam, type RegionParams } from "./region-param";

export default async function RegionLayout(props: RegionParams & { children: ReactNode }) {
  const region = await regionParam(props);
  return <AppShell region={region}>{props.children}</AppShell>;
}
