import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInPage } from "@/components/auth/sign-in-page";
import { safeNextPath } from "@/lib/api-client/sign-in-redirect";
import { sessionUser } from "@/lib/auth/authenticate";

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export async function generateMetadata() {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function Page({ searchParams }: Props) {
  const raw = (await searchParams).next;
  const next = safeNextPath(Array.isArray(raw) ? raw[0] : raw);
  // Already signed in (e.g. the back button): go where sign-in would have gone.
  if (await sessionUser(await headers())) redirect(next);
  return <SignInPage next={next} />;
}
