export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { appendPeerToForwardedFor } = await import('./server/forwarded-for');
    appendPeerToForwardedFor();
  }
}
