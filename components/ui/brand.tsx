import Link from "next/link";
import { BrandMark, brandClasses } from "./brand-mark";

/** The Keyward mark and name, linking home. */
export function Brand({ className = "" }: { className?: string }) {
  return (
    <Link href="/" className={`${brandClasses} ${className}`}>
      <BrandMark />
    </Link>
  );
}
