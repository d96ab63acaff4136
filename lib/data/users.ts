import "server-only";
import { decoyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { getDb } from "./db";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

export async function verifyCredentials(email: string, password: string): Promise<SignedInUser | null> {
  const user = await getDb().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? decoyPasswordHash, password);
  return user && valid ? { id: user.id, email: user.email, name: user.name } : null;
}
