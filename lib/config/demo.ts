// Who the demo seed creates (prisma/seed.ts), and what production refuses to serve (lib/data/demo-users.ts).
export const DEMO_PASSWORD = "keyward-demo-1";

export const demoUsers = [
  { email: "owner@acme.test", name: "Olivia Owner", note: "owner of Acme Mail" },
  { email: "rita@acme.test", name: "Rita Restricted", note: "restricted teammate at Acme Mail" },
  { email: "reed@acme.test", name: "Reed Readonly", note: "read-only teammate at Acme Mail" },
  { email: "owner@globex.test", name: "Gus Globex", note: "owner of Globex Newsletters, read-only at Acme Mail (account switcher)" },
  { email: "support@keyward.test", name: "Sam Support", note: "support staff" },
] as const;

export const demoEmails: readonly string[] = demoUsers.map((user) => user.email);
