import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getProfile } from "@/lib/data/profile";
import { getProfileContext } from "@/lib/data/session";
import { profileNotices } from "@/lib/validation/profile";
import { NameForm } from "./_components/name-form";
import { PasswordForm } from "./_components/password-form";
import { SignOutOthersForm } from "./_components/sign-out-others-form";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const { done } = await searchParams;
  const notice = Object.entries(profileNotices).find(([key]) => key === done)?.[1] ?? "";
  const pctx = await getProfileContext();
  if (!pctx) redirect("/sign-in?callbackUrl=/profile");
  const profile = await getProfile(pctx);
  if (!profile.ok) redirect("/sign-in?callbackUrl=/profile");
  return (
    <>
      <h1 className="text-2xl font-semibold">Profile</h1>
      <p className="mt-1 text-sm text-slate-600">Signed in as {profile.data.email}</p>
      <p role="status" className="mt-4 text-sm font-medium text-green-800">
        {notice}
      </p>
      <section aria-labelledby="name-title" className="mt-8">
        <h2 id="name-title" className="text-lg font-semibold">Name</h2>
        <NameForm name={profile.data.name} />
      </section>
      <section aria-labelledby="password-title" className="mt-10">
        <h2 id="password-title" className="text-lg font-semibold">Password</h2>
        {/* Keyed by the notice: a changed password empties the form. */}
        <PasswordForm key={done ?? ""} email={profile.data.email} />
      </section>
      <section aria-labelledby="sessions-title" className="mt-10">
        <h2 id="sessions-title" className="text-lg font-semibold">Sessions</h2>
        <SignOutOthersForm />
      </section>
    </>
  );
}
