import "server-only";
import { CredentialsSignin } from "next-auth";
import { beginLoginAttempt, loginSucceeded, type LoginLimits } from "@/db/queries/login-failures";
import { env } from "@/lib/env";
import { clientIp, rateLimitMessage } from "@/lib/security/client-ip";

/**
 * Thrown from `authorize` when a key is over its limit. A CredentialsSignin,
 * so Auth.js treats it as a refused sign-in (no stack trace in the log); the
 * login action reads `message` to tell the person how long to wait, and the
 * HTTP callback sends `?error=CredentialsSignin&code=rate_limited`.
 */
export class LoginRateLimited extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly userMessage: string, readonly retryAt: Date) {
    super(userMessage);
  }
}

export function loginLimits(): LoginLimits {
  const e = env();
  return { accountMax: e.LOGIN_MAX_FAILURES_PER_ACCOUNT, ipMax: e.LOGIN_MAX_FAILURES_PER_IP, windowMs: e.LOGIN_FAILURE_WINDOW_MINUTES * 60_000 };
}

/**
 * Wraps a password check in the rate limit. `check` returns the user or
 * null; a null (or a throw) leaves the attempt on record as a failure.
 */
export async function withLoginLimit<T>(email: string, headers: Headers, check: () => Promise<T | null>): Promise<T | null> {
  const accountKey = email.trim().toLowerCase();
  const attempt = await beginLoginAttempt({ accountKey, ip: clientIp(headers, env().TRUST_PROXY), limits: loginLimits() });
  if (!attempt.allowed) throw new LoginRateLimited(rateLimitMessage(attempt.scope, attempt.retryAt), attempt.retryAt);
  const user = await check();
  if (user) await loginSucceeded({ attemptId: attempt.attemptId, accountKey });
  return user;
}
