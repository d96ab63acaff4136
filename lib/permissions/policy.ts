import { allBillingScopes, type KeyType } from "./catalog";

// Who may do what, in one table. Every server action, every /v3 operation and every page control
// names one of these actions; lib/data's requireScope, the page abilities and the /v3 route table
// read the rule from here, and scope strings appear nowhere else in app/, lib/ or components/
// (policy.test.ts scans for them; scopes.json is the catalog they come from).

/**
 * Who may reach an action at all:
 * - "account": a member of the account (a person, checked against their scopes) or one of its
 *   API keys through /v3 (checked against the key's scopes and its type);
 * - "signed-in": any signed-in person, whatever their memberships (their own profile, sessions);
 * - "support": signed-in support staff (read-only reviews);
 * - "anyone": no sign-in (sign-in, sign-up, setup, a token from a link: lib/data checks the token).
 */
export type Audience = "account" | "signed-in" | "support" | "anyone";

export interface Rule {
  who: Audience;
  /** The scopes required: all of them, or (match "any") at least one. Empty: none beyond `who`. */
  scopes: readonly string[];
  match?: "any";
  /** The API key types that may perform it through /v3: empty for people only. */
  keyTypes: readonly KeyType[];
  /** What a person or key without the scopes is told. */
  denial: string;
}

const general: readonly KeyType[] = ["general"];
const billing: readonly KeyType[] = ["billing"];
const people: readonly KeyType[] = [];
const none: readonly string[] = [];

const viewKeys = "You do not have permission to view API keys";
const editKeys = "You do not have permission to edit API keys";

export const policy = {
  // API keys
  "apiKeys.list": { who: "account", scopes: ["api_keys.read"], keyTypes: general, denial: viewKeys },
  "apiKeys.read": { who: "account", scopes: ["api_keys.read"], keyTypes: general, denial: viewKeys },
  "apiKeys.create": { who: "account", scopes: ["api_keys.create"], keyTypes: general, denial: "You do not have permission to create API keys" },
  "apiKeys.update": { who: "account", scopes: ["api_keys.update"], keyTypes: general, denial: editKeys },
  "apiKeys.delete": { who: "account", scopes: ["api_keys.delete"], keyTypes: general, denial: "You do not have permission to delete API keys" },
  "apiKeys.disable": { who: "account", scopes: ["api_keys.update"], keyTypes: people, denial: editKeys },
  // A roll makes a key and cuts the old one's life short: both scopes.
  "apiKeys.roll": { who: "account", scopes: ["api_keys.create", "api_keys.update"], keyTypes: people, denial: "You do not have permission to roll API keys" },
  // Billing keys (and their audit events) exist only for those who hold a billing scope.
  "billingKeys.see": { who: "account", scopes: allBillingScopes, match: "any", keyTypes: people, denial: viewKeys },
  // Teammates and invitations
  "teammates.list": { who: "account", scopes: ["teammates.read"], keyTypes: people, denial: "You do not have permission to view teammates" },
  "teammates.invite": { who: "account", scopes: ["teammates.create"], keyTypes: people, denial: "You do not have permission to invite teammates" },
  "teammates.edit": { who: "account", scopes: ["teammates.update"], keyTypes: people, denial: "You do not have permission to edit teammates" },
  "teammates.remove": { who: "account", scopes: ["teammates.delete"], keyTypes: people, denial: "You do not have permission to remove teammates" },
  "invites.revoke": { who: "account", scopes: ["teammates.delete"], keyTypes: people, denial: "You do not have permission to revoke invitations" },
  // Billing profile
  "billingProfile.read": { who: "account", scopes: ["billing.read"], keyTypes: billing, denial: "You do not have permission to view billing" },
  "billingProfile.update": { who: "account", scopes: ["billing.update"], keyTypes: billing, denial: "You do not have permission to change billing" },
  // Mail and Email Activity
  "messages.send": { who: "account", scopes: ["mail.send"], keyTypes: general, denial: "The API key does not hold the mail.send permission" },
  "emailActivity.read": { who: "account", scopes: ["email_activity.read"], keyTypes: general, denial: "You do not have permission to view email activity" },
  // Audit log: each kind of event needs the scope that shows its subject.
  "auditLog.keyEvents": { who: "account", scopes: ["api_keys.read"], keyTypes: people, denial: viewKeys },
  "auditLog.teammateEvents": { who: "account", scopes: ["teammates.read"], keyTypes: people, denial: "You do not have permission to view teammates" },
  "auditLog.billingEvents": { who: "account", scopes: ["billing.read"], keyTypes: people, denial: "You do not have permission to view billing" },
  // A key's own scopes: any valid key (GET /v3/scopes).
  "scopes.read": { who: "account", scopes: none, keyTypes: ["general", "billing"], denial: "access forbidden" },
  // Outside an account
  "account.switch": { who: "signed-in", scopes: none, keyTypes: people, denial: "Account not found" },
  "profile.update": { who: "signed-in", scopes: none, keyTypes: people, denial: "Sign in to continue" },
  "sessions.signOut": { who: "signed-in", scopes: none, keyTypes: people, denial: "Sign in to continue" },
  "invite.join": { who: "signed-in", scopes: none, keyTypes: people, denial: "Sign in to continue" },
  "support.review": { who: "support", scopes: none, keyTypes: people, denial: "Account not found" },
  "sessions.signIn": { who: "anyone", scopes: none, keyTypes: people, denial: "" },
  "account.setup": { who: "anyone", scopes: none, keyTypes: people, denial: "" },
  "account.signUp": { who: "anyone", scopes: none, keyTypes: people, denial: "" },
  "invite.accept": { who: "anyone", scopes: none, keyTypes: people, denial: "" },
  "password.forgot": { who: "anyone", scopes: none, keyTypes: people, denial: "" },
  "password.reset": { who: "anyone", scopes: none, keyTypes: people, denial: "" },
} as const satisfies Record<string, Rule>;

export type PolicyAction = keyof typeof policy;

export function ruleFor(action: PolicyAction): Rule {
  return policy[action];
}

/** Whether scopes held satisfy the action's rule (its audience is the caller's to establish). */
export function allows(held: ReadonlySet<string> | readonly string[], action: PolicyAction): boolean {
  const rule: Rule = policy[action];
  const has = isSet(held) ? (scope: string) => held.has(scope) : (scope: string) => held.includes(scope);
  return rule.match === "any" ? rule.scopes.some(has) : rule.scopes.every(has);
}

function isSet(held: ReadonlySet<string> | readonly string[]): held is ReadonlySet<string> {
  return held instanceof Set;
}

/** Whether an API key of this type may perform the action at all. */
export function keyTypeAllowed(type: KeyType, action: PolicyAction): boolean {
  return (policy[action].keyTypes as readonly KeyType[]).includes(type);
}

// Every exported server action ("use server" modules in app/) and the action it performs.
// policy.test.ts reads the modules' exports and fails when one is missing here.
export const serverActions = {
  createApiKeyAction: "apiKeys.create",
  updateApiKeyAction: "apiKeys.update",
  deleteApiKeyAction: "apiKeys.delete",
  setApiKeyDisabledAction: "apiKeys.disable",
  rollApiKeyAction: "apiKeys.roll",
  updateBillingProfileAction: "billingProfile.update",
  inviteTeammateAction: "teammates.invite",
  updateTeammateAction: "teammates.edit",
  removeTeammateAction: "teammates.remove",
  revokeInviteAction: "invites.revoke",
  switchAccountAction: "account.switch",
  startReviewAction: "support.review",
  updateNameAction: "profile.update",
  changePasswordAction: "profile.update",
  signOutOtherSessionsAction: "sessions.signOut",
  signOutAction: "sessions.signOut",
  signInAction: "sessions.signIn",
  setupAction: "account.setup",
  signUpAction: "account.signUp",
  acceptInviteAction: "invite.accept",
  joinInviteAction: "invite.join",
  forgotPasswordAction: "password.forgot",
  resetPasswordAction: "password.reset",
} as const satisfies Record<string, PolicyAction>;

// Every /v3 operation ("METHOD path" as in lib/api/routes.ts). The route table takes each
// operation's scope and key types from here; routes-policy.test.ts checks both directions.
export const v3Operations = {
  "GET /v3/scopes": "scopes.read",
  "GET /v3/api_keys": "apiKeys.list",
  "POST /v3/api_keys": "apiKeys.create",
  "GET /v3/api_keys/:id": "apiKeys.read",
  "PATCH /v3/api_keys/:id": "apiKeys.update",
  "PUT /v3/api_keys/:id": "apiKeys.update",
  "DELETE /v3/api_keys/:id": "apiKeys.delete",
  "GET /v3/billing/profile": "billingProfile.read",
  "PATCH /v3/billing/profile": "billingProfile.update",
  "POST /v3/mail/send": "messages.send",
  "GET /v3/messages": "emailActivity.read",
  "GET /v3/messages/:msg_id": "emailActivity.read",
} as const satisfies Record<string, PolicyAction>;

// Each page control that is shown or hidden by what the viewer may do, and the action behind it.
export const pageControls = {
  // The settings navigation's links.
  nav: {
    apiKeys: "apiKeys.list",
    teammates: "teammates.list",
    billing: "billingKeys.see",
    emailActivity: "emailActivity.read",
  },
  // API Keys: "Create API Key", the row menu's Edit / Disable / Roll / Delete, "Billing API Key".
  apiKeys: {
    create: "apiKeys.create",
    update: "apiKeys.update",
    disable: "apiKeys.disable",
    roll: "apiKeys.roll",
    delete: "apiKeys.delete",
    billing: "billingKeys.see",
  },
  // Teammates: "Invite teammate", the row menu's Edit and Remove.
  teammates: { invite: "teammates.invite", update: "teammates.edit", remove: "teammates.remove" },
} as const satisfies Record<string, Record<string, PolicyAction>>;

export type PageWithControls = keyof typeof pageControls;

/** A page's abilities (which controls to show) for scopes held; the server checks again on use. */
export function pageAbilities<P extends PageWithControls>(page: P, held: ReadonlySet<string>): { [C in keyof (typeof pageControls)[P]]: boolean } {
  const controls = pageControls[page] as Record<string, PolicyAction>;
  return Object.fromEntries(Object.entries(controls).map(([control, action]) => [control, allows(held, action)])) as {
    [C in keyof (typeof pageControls)[P]]: boolean;
  };
}
