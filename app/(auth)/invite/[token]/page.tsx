import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { acceptanceMessages, invitationStatusMessage } from "@/lib/data/invite-acceptance";
import { publicEntry } from "@/lib/data/public-entry";
import { getViewer } from "@/lib/data/session";
import { roleLabels } from "@/lib/permissions/roles";
import { signOutAction } from "../../sign-in/actions";
import { AcceptInviteForm } from "./accept-invite-form";
import { JoinButton } from "./join-button";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await publicEntry.invitation(token);
  if (invitation.status !== "valid") {
    return (
      <Card title="Invitation unavailable">
        <p role="status" className="mt-4 text-sm text-slate-700">
          {invitationStatusMessage(invitation.status)}
        </p>
        <Link href="/sign-in" className="mt-6 inline-block text-sm text-brand-600 underline">
          Go to sign in
        </Link>
      </Card>
    );
  }
  const viewer = await getViewer();
  const intro = (
    <p className="mt-4 text-sm text-slate-700">
      You are invited to join <strong>{invitation.accountName}</strong> as{" "}
      <strong>{roleLabels[invitation.role!]}</strong> ({invitation.email}).
    </p>
  );
  const callback = `/invite/${token}`;

  if (viewer?.user.isSupportStaff) {
    // acceptInviteAsUser refuses them too; this only says so before they try.
    return (
      <Card title={`Join ${invitation.accountName}`}>
        {intro}
        <p role="status" className="mt-4 text-sm text-slate-700">
          {acceptanceMessages.supportStaff}
        </p>
      </Card>
    );
  }
  if (viewer && viewer.user.email === invitation.email) {
    return (
      <Card title={`Join ${invitation.accountName}`}>
        {intro}
        <JoinButton token={token} accountName={invitation.accountName!} />
      </Card>
    );
  }
  if (viewer) {
    return (
      <Card title={`Join ${invitation.accountName}`}>
        {intro}
        <p className="mt-4 text-sm text-slate-700">
          You are signed in as {viewer.user.email}. Sign out, then open this link again and sign in as {invitation.email}.
        </p>
        <form action={signOutAction} className="mt-6">
          <button type="submit" className="text-sm text-brand-600 underline">
            Sign out
          </button>
        </form>
      </Card>
    );
  }
  if (invitation.existingUser) {
    return (
      <Card title={`Join ${invitation.accountName}`}>
        {intro}
        <p className="mt-4 text-sm text-slate-700">You already have a Keyward sign-in: sign in to accept.</p>
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callback)}`} className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">
          Sign in to accept
        </Link>
      </Card>
    );
  }
  return (
    <Card title={`Join ${invitation.accountName}`}>
      {intro}
      <AcceptInviteForm token={token} email={invitation.email!} />
    </Card>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold tracking-wide text-brand-600">Keyward</p>
        <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
        {children}
      </div>
    </main>
  );
}
