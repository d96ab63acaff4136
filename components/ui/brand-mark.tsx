// The Keyward mark and name, without the link around it (see Brand and StatusPage).
export const brandClasses = "inline-flex items-center gap-2 font-semibold text-brand-700";

export function BrandMark() {
  return (
    <>
      {/* eslint-disable-next-line @next/next/no-img-element -- a 24 px SVG needs no image optimisation */}
      <img src="/icon.svg" alt="" width={24} height={24} />
      Keyward
    </>
  );
}
