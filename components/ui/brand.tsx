import Link from "next/link";

/** The Keyward mark and name, linking home. */
export function Brand({ className = "" }: { className?: string }) {
  return (
    <Link href="/" className={`inline-flex items-center gap-2 font-semibold text-brand-700 ${className}`}>
      {/* eslint-disable-next-line @next/next/no-img-element -- a 24 px SVG needs no image optimisation */}
      <img src="/icon.svg" alt="" width={24} height={24} />
      Keyward
    </Link>
  );
}
