import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { isSignUpOpen } from "@/lib/config/mode";
import { getViewer } from "@/lib/data/session";
import { incorrectMessage, lockedMessage } from "./messages";
import { Brand } from "@/components/ui/brand";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

// Where Auth.js's own route (POST /api/auth/callback/credentials) sends a refused sign-in.
const callbackErrors: Record<string, string> = { credentials: incorrectMessage, locked: lockedMessage };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; code?: string }> }) {
  if (await getViewer()) redirect("/");
  const { callbackUrl, code } = await searchParams;
  const refused = code ? callbackErrors[code] : undefined;
  return (
    <main className="flex min-h-screen items-center justify-center p-4 sm:p-6">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <Brand />
        <h1 className="mt-4 text-2xl font-semibold">Sign in</h1>
        <SignInForm callbackUrl={callbackUrl ?? ""} initialMessage={refused} />
        <p className="mt-4 flex justify-between text-sm">
          <Link href="/forgot-password" className="text-brand-600 underline">
            Forgot password?
          </Link>
          {isSignUpOpen() ? (
            <Link href="/sign-up" className="text-brand-600 underline">
              Create an account
            </Link>
          ) : null}
        </p>
      </div>
    </main>
  );
}
