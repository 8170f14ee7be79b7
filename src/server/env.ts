import { z } from 'zod';

/** An unset variable and one left empty in `.env.local` mean the same: not configured. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const EMBEDDED_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:54329/echo';
const DEVELOPMENT_AUTH_SECRET = 'echo-development-secret-do-not-use-in-production-0000';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: optional(z.url()).default(EMBEDDED_DATABASE_URL),
    DB_POOL_MAX: optional(z.coerce.number().int().positive()).default(10),
    PORT: optional(z.coerce.number().int().positive()).default(3000),
    APP_URL: optional(z.url()),
    AUTH_SECRET: optional(z.string().min(32, 'AUTH_SECRET must be at least 32 characters')),
    OPENAI_API_KEY: optional(z.string()),
    OPENAI_BASE_URL: optional(z.url()),
    OPENAI_MODEL: optional(z.string()).default('gpt-4.1-mini'),
    RESEND_API_KEY: optional(z.string()),
    RESEND_BASE_URL: optional(z.url()),
    RESEND_WEBHOOK_SECRET: optional(z.string()),
    EMAIL_FROM: optional(z.string()).default('Echo <echo@echo.localhost>'),
    ECHO_SIMULATE_INBOUND: optional(z.enum(['0', '1'])),
    // How many proxies of ours stand in front of the app, each appending to X-Forwarded-For;
    // 0 (the default) means the app is reached directly and the header is not believed at all.
    TRUSTED_PROXY: optional(z.coerce.number().int().min(0).max(10)).default(0),
    ECHO_OPEN_SIGNUP: optional(z.enum(['0', '1'])),
  })
  .transform((raw, ctx) => {
    if (
      raw.NODE_ENV === 'production' &&
      !raw.AUTH_SECRET &&
      process.env.NEXT_PHASE !== 'phase-production-build'
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'AUTH_SECRET is required in production',
      });
    }
    return {
      ...raw,
      APP_URL: raw.APP_URL ?? `http://localhost:${raw.PORT}`,
      AUTH_SECRET: raw.AUTH_SECRET ?? DEVELOPMENT_AUTH_SECRET,
      isProduction: raw.NODE_ENV === 'production',
      isSimulateInboundAllowed: raw.NODE_ENV !== 'production' || raw.ECHO_SIMULATE_INBOUND === '1',
      isOpenSignup: raw.ECHO_OPEN_SIGNUP === '1',
      isResendConfigured: Boolean(raw.RESEND_API_KEY),
    };
  });

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

export const env = parseEnv();
