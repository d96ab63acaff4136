// Who created a key, as key lists show it. A creator who has left the account still made the key:
// the key stays, and shows its creator as removed. Null: no person created it (the /v3 API did),
// since people are never deleted here, only their memberships.
export type CreatorDTO = { name: string; removed: boolean } | null;

export function creatorSelect(accountId: string) {
  return { name: true, memberships: { where: { accountId }, select: { id: true }, take: 1 } } as const;
}

export function toCreatorDTO(user: { name: string; memberships: { id: string }[] } | null): CreatorDTO {
  if (!user) return null;
  return { name: user.name, removed: user.memberships.length === 0 };
}
