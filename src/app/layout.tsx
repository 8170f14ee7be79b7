import { GeistMono } from 'geist/font/mono';
import { GeistSans } from 'geist/font/sans';
import type { Metadata } from 'next';
import { Toaster } from '@/components/ui/sonner';
import { TRPCProvider } from '@/trpc/react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Echo', template: '%s · Echo' },
  description: 'AI-drafted replies for office-space brokers, reviewed by people.',
  icons: { icon: '/favicon.svg' },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh font-sans">
        <TRPCProvider>{children}</TRPCProvider>
        <Toaster position="bottom-right" />
      </body>
    </html>
  );
}
