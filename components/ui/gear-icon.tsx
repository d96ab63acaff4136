const GEAR_PATH =
  "M7.84 1.804A1 1 0 0 1 8.82 1h2.36a1 1 0 0 1 .98.804l.331 1.652a6.993 6.993 0 0 1 1.929 1.115l1.598-.54a1 1 0 0 1 1.186.447l1.18 2.044a1 1 0 0 1-.205 1.251l-1.267 1.113a7.047 7.047 0 0 1 0 2.228l1.267 1.113a1 1 0 0 1 .206 1.25l-1.18 2.045a1 1 0 0 1-1.187.447l-1.598-.54a6.993 6.993 0 0 1-1.929 1.115l-.33 1.652a1 1 0 0 1-.98.804H8.82a1 1 0 0 1-.98-.804l-.331-1.652a6.993 6.993 0 0 1-1.929-1.115l-1.598.54a1 1 0 0 1-1.186-.447l-1.18-2.044a1 1 0 0 1 .205-1.251l1.267-1.114a7.05 7.05 0 0 1 0-2.227L1.821 7.773a1 1 0 0 1-.206-1.25l1.18-2.045a1 1 0 0 1 1.187-.447l1.598.54A6.992 6.992 0 0 1 7.51 3.456l.33-1.652ZM10 13a3 3 0 1 0 0-6 3 3 0 0 0 0 6Z";

export function GearIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
      <path fillRule="evenodd" d={GEAR_PATH} clipRule="evenodd" />
    </svg>
  );
}

/**
 * For a list with a gear on every row: the drawing once (GearIconSymbol, anywhere on the page)
 * and a reference to it per row (GearIconRef), instead of its 0.9 KB path in each row's markup.
 */
const GEAR_SYMBOL_ID = "gear-icon";

export function GearIconSymbol() {
  return (
    <svg aria-hidden="true" width="0" height="0" className="absolute">
      <symbol id={GEAR_SYMBOL_ID} viewBox="0 0 20 20">
        <path fillRule="evenodd" d={GEAR_PATH} clipRule="evenodd" />
      </symbol>
    </svg>
  );
}

export function GearIconRef() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
      <use href={`#${GEAR_SYMBOL_ID}`} />
    </svg>
  );
}
