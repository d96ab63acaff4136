// The SMTP relays of the e2e servers: ports of their own beside E2E_PORT, never the default 2525
// (a developer's own Keyward may hold it).
const e2ePort = Number(process.env.E2E_PORT ?? 3100);
export const e2eSmtpRelayPort = e2ePort + 3;
export const productionSmtpRelayPort = e2ePort + 4;
