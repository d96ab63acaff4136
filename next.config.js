/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // server.ts compresses pages itself, brotli or gzip as the browser asks (lib/server/page-compression.ts);
  // Next's own compression knows only gzip.
  compress: false,
  // The native SQLite driver and the Postgres driver stay plain Node requires, not bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg"],
  typedRoutes: false,
  // `next dev` logs every server action's arguments (a new password, a key's form) and every
  // request's URL, and an invitation link's URL is its secret token (also carried, encoded, in
  // the sign-in page's callbackUrl). Fetch logging keeps its defaults.
  logging: {
    serverFunctions: false,
    incomingRequests: { ignore: [/\/invite\//, /%2Finvite%2F/i] },
  },
};

export default nextConfig;
