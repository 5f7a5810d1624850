import "server-only";
import { CredentialsSignin } from "next-auth";
import { beginLoginAttempt, loginSucceeded, type LoginLimits } from "@/db/queries/login-failures";
import { env } from "@/server/env";
import { clientIp, rateLimitMessage } from "@/server/security/client-ip";

/**
 * Thrown from `authorize` when a limit refuses the attempt. A
 * CredentialsSignin, so Auth.js treats it as a refused sign-in (no stack
 * trace in the log); the login action reads `userMessage` to tell the person
 * how long to wait, and the HTTP callback sends
 * `?error=CredentialsSignin&code=rate_limited`.
 */
export class LoginRateLimited extends CredentialsSignin {
  code = "rate_limited";
  constructor(
    readonly userMessage: string,
    readonly retryAt: Date,
  ) {
    super(userMessage);
  }
}

export function loginLimits(): LoginLimits {
  const e = env();
  return {
    accountIpMax: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    ipMax: e.LOGIN_MAX_FAILURES_PER_IP,
    accountSlowdownAfter: e.LOGIN_ACCOUNT_SLOWDOWN_AFTER,
    accountMaxDelayMs: e.LOGIN_ACCOUNT_MAX_DELAY_SECONDS * 1000,
    windowMs: e.LOGIN_FAILURE_WINDOW_MINUTES * 60_000,
  };
}

/**
 * Wraps a password check in the limits. `check` returns the user or null; a
 * null (or a throw) leaves the attempt on record as a failure.
 */
export async function withLoginLimit<T>(email: string, headers: Headers, check: () => Promise<T | null>): Promise<T | null> {
  const accountKey = email.trim().toLowerCase();
  const ip = clientIp(headers, env().TRUST_PROXY);
  const attempt = await beginLoginAttempt({ accountKey, ip, limits: loginLimits() });
  if (!attempt.allowed) throw new LoginRateLimited(rateLimitMessage(attempt.scope, attempt.retryAt), attempt.retryAt);
  const user = await check();
  if (user) await loginSucceeded({ attemptId: attempt.attemptId, accountKey, ip });
  return user;
}
