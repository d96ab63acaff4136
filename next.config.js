/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The native SQLite driver and the Postgres driver stay plain Node requires, not bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg"],
  typedRoutes: false,
};

export default nextConfig;
