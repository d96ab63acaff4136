import type { Metadata } from "next";
import Link from "next/link";
import { StatusPage } from "@/components/ui/status-page";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <StatusPage
      code="404"
      title="Page not found"
      actions={
        <Link href="/" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
          Back to Keyward
        </Link>
      }
    >
      <p>This page does not exist, or it is not yours to see. Check the address, or go back to your settings.</p>
    </StatusPage>
  );
}
