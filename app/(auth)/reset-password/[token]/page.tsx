import type { Metadata } from "next";
import Link from "next/link";
import { passwordResetStatusMessage } from "@/lib/data/password-resets";
import { publicEntry } from "@/lib/data/public-entry";
import { AuthCard } from "../../_components/auth-card";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const status = await publicEntry.passwordResetStatus(token);
  if (status !== "valid") {
    return (
      <AuthCard title="Link unavailable">
        <p role="status" className="mt-4 text-sm text-slate-700">
          {passwordResetStatusMessage(status)}
        </p>
        <Link href="/forgot-password" className="mt-6 inline-block text-sm text-brand-600 underline">
          Ask for a new link
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password">
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
