import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { publicEntry } from "@/lib/data/public-entry";
import { AuthCard } from "../_components/auth-card";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up Keyward" };

// The first run of an empty database. Once anyone exists this page is gone for good (404), and
// the action behind it refuses on its own.
export default async function SetupPage() {
  if (!(await publicEntry.isSetupOpen())) notFound();
  return (
    <AuthCard title="Set up Keyward">
      <p className="mt-2 text-sm text-slate-600">Create the first owner and their account. This page works only once.</p>
      <SetupForm />
    </AuthCard>
  );
}
