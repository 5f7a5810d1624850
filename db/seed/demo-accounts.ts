import type { Role } from "@/lib/permissions";

export type DemoAccount = { email: string; name: string; role: Role; password: string };

/**
 * The demo sign-ins, shared by the demo seed script and the login page's
 * "Demo accounts" panel. Shown only when DEMO_MODE=1: the login page passes
 * this list to the client only in demo mode, so the passwords never reach the
 * HTML or the browser bundle otherwise. No "server-only" import, because the
 * seed script (run with tsx, outside Next) imports it too.
 */
export const DEMO_PASSWORD = "factdesk-demo";

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "reviewer@factdesk.test", name: "Riley Reviewer", role: "reviewer", password: DEMO_PASSWORD },
  { email: "editor@factdesk.test", name: "Elena Editor", role: "editor", password: DEMO_PASSWORD },
  { email: "editor2@factdesk.test", name: "Omar Okafor", role: "editor", password: DEMO_PASSWORD },
  { email: "admin@factdesk.test", name: "Ada Admin", role: "admin", password: DEMO_PASSWORD },
];
