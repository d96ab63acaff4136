import { connection } from "next/server";
import { isDemoMode } from "@/lib/config/mode";

// On every page of the demo (`npm start`), so nobody mistakes it for a place for real keys.
export async function DemoBanner() {
  // The mode is read per request, not at build time: one build serves the demo and production.
  await connection();
  if (!isDemoMode()) return null;
  return (
    <aside aria-label="Demo notice" className="bg-amber-100 px-6 py-2 text-center text-sm font-medium text-amber-900">
      Demo data — do not use real keys
    </aside>
  );
}
