import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { isOutgoingMailConfigured } from "@/lib/outgoing-mail/config";
import { AuthCard } from "../_components/auth-card";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default async function ForgotPasswordPage() {
  await connection(); // SMTP_URL is the server's, read per request rather than at build time
  return (
    <AuthCard title="Forgot password">
      {isOutgoingMailConfigured() ? (
        <>
          <p className="mt-2 text-sm text-slate-600">Enter your e-mail address and we will mail you a link to choose a new password.</p>
          <ForgotPasswordForm />
        </>
      ) : (
        <p className="mt-4 text-sm text-slate-700">
          This server does not send mail. Ask an administrator of this Keyward server for a link to reset your password: they can make one
          with <code>npm run user:reset-password</code>.
        </p>
      )}
      <Link href="/sign-in" className="mt-6 inline-block text-sm text-brand-600 underline">
        Back to sign in
      </Link>
    </AuthCard>
  );
}
