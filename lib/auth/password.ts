import { hash, verify } from "@node-rs/argon2";

// Argon2id (the library's default algorithm) with OWASP's minimum parameters for it.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when no user matches keeps a wrong e-mail as slow as a wrong password,
// so response times do not tell which addresses have accounts.
export const decoyPasswordHash =
  "$argon2id$v=19$m=19456,t=2,p=1$/sa2Zhyj3LHFCoC2kFJ+vg$8CVOWmP6fmZWBlUC17ThcEgpcAenojgxS1QI5NEFU78";
