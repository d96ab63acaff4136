import ts from "typescript";
import { describe, expect, it } from "vitest";
import { eachNode, isTestFile, parse, sourceFiles } from "@/test/source-scan";

// lib/data is entered with a DataContext, built only where a person or a key was authenticated
// (session.ts, api-auth.ts) or, for what the policy gives "anyone", in public-entry.ts. An exported
// function that takes the database handle itself skips that: each one is named here, with why.
const takesTheDatabase: Record<string, string> = {
  "access.ts reauthorize": "the check itself, again inside a write transaction (with the context)",
  "api-auth.ts apiKeyContext": "builds the context for a key authenticateApiKey has just verified",
  "api-key-lookup.ts createKeyLookup": "authentication itself: the /v3 key lookup",
  "api-key-lookup.ts prismaKeyLookup": "authentication itself: the /v3 key lookup (in-memory SQLite)",
  "api-key-usage.ts createKeyUseRecorder": "counts uses of keys already authenticated, flushed in batches",
  "api-key-usage.ts keyUseRecorderFor": "the one recorder per database client, shared by /v3, the mail pipeline and server.ts",
  "audit.ts recordAuditEvent": "writes inside a transaction its caller authorized",
  "cli-users.ts createUserFromCli": "npm run user:create: the operator at the server's shell",
  "cli-users.ts resetLinkFromCli": "npm run user:reset-password: the operator at the server's shell",
  "demo-users.ts findDemoUsers": "the production command's start-up check",
  "email-delivery.ts claimDueMessages": "the upstream delivery worker: claims messages the pipeline already accepted",
  "email-delivery.ts recordDeliveryOutcomes": "the upstream delivery worker: records the relay's answers for messages it claimed",
  "email-message-writes.ts storeMessageBatch": "stores messages the pipeline accepted from keys the policy allowed to send",
  "invite-acceptance.ts getInvitation": "anyone holding the link (public-entry.ts): the token is the authority",
  "invite-acceptance.ts acceptInviteAsNewUser": "anyone holding the link (public-entry.ts): the token is the authority",
  "key-rows.ts insertKeyRow": "the page's and /v3's create and roll, inside their transaction, before reauthorize under the lock",
  "key-rows.ts insertKeyRows": "the seed, test fixtures, bench, soak and e2e set-up (the operator's tools): no authorization to skip",
  "own-account.ts isSetupOpen": "anyone (public-entry.ts): whether /setup is still open",
  "own-account.ts createFirstOwner": "anyone (public-entry.ts): refused once any user exists",
  "own-account.ts signUpOwner": "anyone (public-entry.ts): refused while sign-up is closed",
  "password-resets.ts issuePasswordReset": "shared by requestPasswordReset and the CLI's reset link",
  "password-resets.ts requestPasswordReset": "anyone (public-entry.ts): the same answer whether the address exists",
  "password-resets.ts getPasswordResetStatus": "anyone holding the link (public-entry.ts)",
  "password-resets.ts resetPassword": "anyone holding the link (public-entry.ts): the token is the authority",
  "sessions.ts endSession": "Auth.js's sign-out event, on a verified token",
  "sessions.ts raiseSessionVersion": "inside profile writes, for the signed-in person",
  "sessions.ts takeUpSessionVersion": "Auth.js's jwt callback, on a verified token",
  "sign-in-throttle.ts findSignInBlock": "sign-in itself (anyone), before a password is checked",
  "sign-in-throttle.ts recordSignInFailure": "sign-in itself (anyone)",
  "sign-in-throttle.ts clearSignInFailures": "sign-in itself (anyone)",
  "users.ts attemptSignIn": "sign-in itself (anyone): Auth.js's credentials provider",
  "transaction.ts writeTransaction": "runs work its caller authorized",
};

const DATABASE_TYPES = /\b(PrismaClient|Transaction|Db|KeyWriter)\b|\["db"\]/;

function exportedFunctions(file: string): { name: string; parameterTypes: string[] }[] {
  const source = parse(file);
  const found: { name: string; parameterTypes: string[] }[] = [];
  const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const typesOf = (parameters: readonly ts.ParameterDeclaration[]) => parameters.map((p) => p.type?.getText(source) ?? "");
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) {
      found.push({ name: statement.name.text, parameterTypes: typesOf(statement.parameters) });
    }
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const value = declaration.initializer;
        if (ts.isIdentifier(declaration.name) && value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value))) {
          found.push({ name: declaration.name.text, parameterTypes: typesOf(value.parameters) });
        }
      }
    }
  }
  return found;
}

describe("ways into lib/data", () => {
  const files = sourceFiles("lib/data").filter((file) => !isTestFile(file) && file !== "lib/data/test-fixtures.ts");

  it("take a context, except the functions named here with their reason", () => {
    const seen = new Set<string>();
    const unexplained: string[] = [];
    for (const file of files) {
      for (const fn of exportedFunctions(file)) {
        if (!fn.parameterTypes.some((type) => DATABASE_TYPES.test(type))) continue;
        const key = `${file.slice("lib/data/".length)} ${fn.name}`;
        seen.add(key);
        if (!(key in takesTheDatabase)) unexplained.push(key);
      }
    }
    expect(unexplained, "exported lib/data functions taking the database instead of a DataContext").toEqual([]);
    expect(Object.keys(takesTheDatabase).filter((key) => !seen.has(key)), "stale entries").toEqual([]);
  });

  // The audit log and Email Activity are read by members (the policy) and by support staff (a
  // started review): each exported reader decides itself; the raw readers are private.
  it("read the audit log and Email Activity only through readers that decide", () => {
    const deciders = /\b(requireScope|requireActor|supportReviewOpen)\(/;
    const undecided: string[] = [];
    for (const file of ["lib/data/audit-log.ts", "lib/data/email-activity.ts"]) {
      const source = parse(file);
      for (const statement of source.statements) {
        if (!ts.isFunctionDeclaration(statement) || !statement.name || !statement.body) continue;
        if (!(ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
        if (!statement.parameters.some((p) => /Context\b/.test(p.type?.getText(source) ?? ""))) continue;
        if (!deciders.test(statement.body.getText(source))) undecided.push(`${file} ${statement.name.text}`);
      }
    }
    expect(undecided).toEqual([]);
    const exported = files.flatMap((file) => exportedFunctions(file).map((fn) => fn.name));
    expect(exported.filter((name) => ["readAuditLog", "readEmailActivity", "readEmailEnvelope"].includes(name))).toEqual([]);
  });

  it("are the only holders of the database handle: app/ never calls getDb() nor imports a database module", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles("app", "components").filter((f) => !isTestFile(f))) {
      const source = parse(file);
      eachNode(source, (node) => {
        if (ts.isIdentifier(node) && node.text === "getDb") offenders.push(`${file}: getDb`);
        if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
          const from = node.moduleSpecifier.text;
          if (from === "@/lib/data/db" || from.startsWith("@/lib/db/") || from.startsWith("@prisma/")) offenders.push(`${file}: ${from}`);
        }
      });
    }
    expect(offenders).toEqual([]);
  });
});
