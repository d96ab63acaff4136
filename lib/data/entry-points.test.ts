import { readFileSync } from "node:fs";
import { join, posix } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { eachNode, isTestFile, parse, repoRoot, sourceFiles } from "@/test/source-scan";

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

// The deciders: each reads the caller's standing once per request (reauthorize: again, inside the
// write's transaction) and refuses what the policy (lib/permissions/policy.ts) does not give them.
const deciders: [file: string, name: string][] = [
  ["lib/data/access.ts", "requireActor"],
  ["lib/data/access.ts", "requireScope"],
  ["lib/data/access.ts", "reauthorize"],
  ["lib/data/support-review.ts", "requireSupportStaff"],
  ["lib/data/support-review.ts", "supportReviewOpen"],
];

// Exported functions that take a context and call no decider, each with why none is needed.
const decidesWithoutADecider: Record<string, string> = {
  "access.ts loadActor": "what the deciders read: the caller's standing, or null, which they refuse",
  "invite-acceptance.ts acceptInviteAsUser":
    "invite.join (any signed-in person): the link's token is the authority, the person must hold the invited address, support staff are refused",
  "profile.ts getProfile": "the signed-in person's own row (profile.update is for anyone signed in): every query is by the session's user id",
  "profile.ts updateProfileName": "the signed-in person's own row (profile.update is for anyone signed in): every query is by the session's user id",
  "profile.ts changePassword": "the signed-in person's own row (profile.update is for anyone signed in), and the current password, throttled as a sign-in",
  "profile.ts signOutOtherSessions": "the signed-in person's own sessions (sessions.signOut is for anyone signed in)",
};

// A parameter that is a context: DataContext<…>, SupportContext, ProfileContext, access.ts's ActorSource.
const CONTEXT_TYPES = /Context\b|\bActorSource\b/;

/** "./access" or "@/lib/data/access" imported from a lib/data file, as a repo path; null for other modules. */
function dataModule(from: string, specifier: string): string | null {
  const path = specifier.startsWith(".") ? posix.join(posix.dirname(from), specifier) : specifier.startsWith("@/") ? specifier.slice(2) : null;
  return path?.startsWith("lib/data/") ? `${path}.ts` : null;
}

// Whether a function of these files calls a decider, itself or through functions of these files
// it calls (its module's own helpers, or what it imports from another of them).
function decidesIn(files: readonly string[]): (fileAndName: string) => boolean {
  const bodies = new Map<string, ts.Node>();
  const imported = new Map<string, string>();
  for (const file of files) {
    const source = parse(file);
    for (const statement of source.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) bodies.set(`${file} ${statement.name.text}`, statement.body);
      if (ts.isVariableStatement(statement)) {
        for (const { name, initializer } of statement.declarationList.declarations) {
          if (ts.isIdentifier(name) && initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) bodies.set(`${file} ${name.text}`, initializer.body);
        }
      }
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.importClause?.namedBindings && ts.isNamedImports(statement.importClause.namedBindings)) {
        const target = dataModule(file, statement.moduleSpecifier.text);
        if (!target) continue;
        for (const element of statement.importClause.namedBindings.elements) imported.set(`${file} ${element.name.text}`, `${target} ${(element.propertyName ?? element.name).text}`);
      }
    }
  }
  const isDecider = (key: string) => deciders.some(([file, name]) => key === `${file} ${name}`);
  const known = new Map<string, boolean>();
  const decides = (key: string): boolean => {
    if (isDecider(key)) return true;
    if (known.has(key)) return known.get(key)!;
    known.set(key, false); // a cycle decides nothing by itself
    const body = bodies.get(key);
    let found = false;
    if (body) {
      const file = key.slice(0, key.indexOf(" "));
      eachNode(body, (node) => {
        if (found || !ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
        const local = `${file} ${node.expression.text}`;
        const callee = bodies.has(local) ? local : imported.get(local);
        if (callee && decides(callee)) found = true;
      });
    }
    known.set(key, found);
    return found;
  };
  return decides;
}

/** Every module a file names: imports, re-exports, import(), require(), vi.mock() and import types. */
function moduleSpecifiers(source: ts.SourceFile): string[] {
  const found: string[] = [];
  eachNode(source, (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) found.push(node.argument.literal.text);
    if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      const loads =
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(callee) && callee.text === "require") ||
        (ts.isPropertyAccessExpression(callee) && /^(doMock|mock|unmock|importActual|importMock)$/.test(callee.name.text));
      if (loads) found.push(node.arguments[0].text);
    }
  });
  return found;
}

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
  const publicFiles = files.filter((file) => !file.startsWith("lib/data/internal/"));
  const decides = decidesIn(publicFiles);

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

  // Every exported function of a public module that takes a context decides itself: it calls a
  // decider, or a function of lib/data that does (listApiKeysWithUsage calls listApiKeys), or it
  // is named here with why it needs none. Helpers that trust the actor their caller passes live
  // in lib/data/internal, which nothing outside lib/data imports.
  it("decide on every call: each exported function taking a context calls a decider", () => {
    const checked: string[] = [];
    const undecided: string[] = [];
    for (const file of publicFiles) {
      for (const fn of exportedFunctions(file)) {
        if (!fn.parameterTypes.some((type) => CONTEXT_TYPES.test(type))) continue;
        if (deciders.some(([home, name]) => home === file && name === fn.name)) continue;
        const key = `${file.slice("lib/data/".length)} ${fn.name}`;
        checked.push(key);
        if (!decides(`${file} ${fn.name}`) && !(key in decidesWithoutADecider)) undecided.push(key);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(40);
    expect(undecided, "exported lib/data functions that take a context and decide nothing").toEqual([]);
    const stale = Object.keys(decidesWithoutADecider).filter((key) => !checked.includes(key) || decides(`lib/data/${key}`));
    expect(stale, "stale entries (gone, or now deciding)").toEqual([]);
    for (const [home, name] of deciders) expect(exportedFunctions(home).map((fn) => fn.name), `${home} exports the decider ${name}`).toContain(name);
  });

  it("trust no actor from their caller: a public function taking a context takes no Actor", () => {
    const trusting = publicFiles.flatMap((file) =>
      exportedFunctions(file)
        .filter((fn) => fn.parameterTypes.some((type) => CONTEXT_TYPES.test(type)) && fn.parameterTypes.some((type) => /\bActor\b/.test(type)))
        .map((fn) => `${file} ${fn.name}`),
    );
    expect(trusting).toEqual([]);
  });

  it("keep lib/data/internal to themselves: nothing outside lib/data imports it", () => {
    const scanned = sourceFiles(".");
    expect(scanned.length).toBeGreaterThan(300);
    const offenders: string[] = [];
    // Only a file that says "internal" can name the folder: the rest need not be parsed.
    const candidates = scanned.filter((f) => !f.startsWith("lib/data/") && readFileSync(join(repoRoot, f), "utf8").includes("internal"));
    for (const file of candidates) {
      for (const specifier of moduleSpecifiers(parse(file))) {
        const target = specifier.startsWith(".") ? posix.join(posix.dirname(file), specifier) : specifier.replace(/^@\//, "");
        if (/^lib\/data\/internal(\/|$)/.test(target)) offenders.push(`${file}: ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  // The audit log and Email Activity are read by members (the policy) and by support staff (a
  // started review): the raw readers, which decide nothing, are private to their modules.
  it("read the audit log and Email Activity only through readers that decide", () => {
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
