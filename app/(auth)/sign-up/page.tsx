import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { isSignUpOpen } from "@/lib/config/mode";
import { AuthCard } from "../_components/auth-card";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

// Open in the demo; closed in production unless KEYWARD_SIGNUP=open, and then simply not there.
export default async function SignUpPage() {
  await connection(); // the mode is the server's, read per request rather than at build time
  if (!isSignUpOpen()) notFound();
  return (
    <AuthCard title="Create your account">
      <p className="mt-2 text-sm text-slate-600">You will own a new account and can invite your team to it.</p>
      <SignUpForm />
      <p className="mt-6 text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="text-brand-600 underline">
          Sign in
        </Link>
      </p>
    </AuthCard>
  );
}
