import { randomUUID } from "node:crypto";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/lib/data/db";
import { endSession, takeUpSessionVersion } from "@/lib/data/sessions";
import { attemptSignIn } from "@/lib/data/users";
import { clientAddressFrom } from "@/lib/server/client-address";
import { signInSchema } from "@/lib/validation/sign-in";

/** Refused because the e-mail or the client's address is locked out (lib/data/sign-in-throttle). */
export class SignInLocked extends CredentialsSignin {
  code = "locked";
}

const SESSION_MAX_AGE_S = 8 * 60 * 60;

// The session says who signed in (the user id), which session this is (`sid`) and the user's
// session version then (`sv`): getViewer refuses it once the version moved on or the id was
// signed out of. What the user may do is read from the database by lib/data on every call.
export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong password is an expected outcome shown on the form, not a server error to log.
    error(error) {
      if (!(error instanceof CredentialsSignin) && error.name !== "CredentialsSignin") console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      // Both ways in pass here: the sign-in form's action and POST /api/auth/callback/credentials.
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const address = clientAddressFrom(request.headers);
        const attempt = await attemptSignIn(getDb(), { ...parsed.data, address }, new Date());
        if (!attempt.ok) throw attempt.reason === "locked" ? new SignInLocked() : new CredentialsSignin();
        return attempt.user;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger }) {
      if (user) {
        token.sid = randomUUID();
        token.sv = user.sessionVersion;
      } else if (trigger === "update" && token.sub && token.sid) {
        // Whatever the update asks (a browser can ask too), only the session that raised the
        // version is given it; any other keeps its old, refused, version.
        const version = await takeUpSessionVersion(getDb(), token.sub, token.sid);
        if (version !== null) token.sv = version;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionId = token.sid;
      session.sessionVersion = token.sv;
      return session;
    },
  },
  events: {
    // Also for Auth.js's own POST /api/auth/signout: the session is ended on the server.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (!token?.sub || !token.sid) return;
      const expiresAt = new Date((token.exp ?? Date.now() / 1000 + SESSION_MAX_AGE_S) * 1000);
      await endSession(getDb(), { id: token.sid, userId: token.sub, expiresAt }, new Date());
    },
  },
});

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionId?: string;
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
    sv?: number;
  }
}
