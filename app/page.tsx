// "/" opens the proxy clusters of the last used region (cookie), else Global.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { DEFAULT_REGION, isRegion, REGION_COOKIE } from "@/components/shell/sections";

export default async function Home() {
  const remembered = (await cookies()).get(REGION_COOKIE)?.value;
  redirect(`/${isRegion(remembered) ? remembered : DEFAULT_REGION}/clusters`);
}
