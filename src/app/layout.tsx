import { GeistMono } from 'geist/font/mono';
import { GeistSans } from 'geist/font/sans';
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { Toaster } from '@/components/ui/toaster';
import { parseTheme, THEME_COOKIE } from '@/lib/theme';
import { TRPCProvider } from '@/trpc/react';
import './globals.css';

// Every page is rendered per request: the CSP nonce src/proxy.ts sets is new each time, and
// Next.js can only put it on its scripts while rendering (a prerendered page would carry none).
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Echo', template: '%s · Echo' },
  description: 'AI-drafted replies for office-space brokers, reviewed by people.',
  icons: { icon: '/favicon.svg' },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The theme class is rendered by the server, so the first paint is already in the right colours.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable} ${theme}`}>
      <body className="min-h-dvh font-sans">
        <TRPCProvider>{children}</TRPCProvider>
        <Toaster position="bottom-right" />
      </body>
    </html>
  );
}
