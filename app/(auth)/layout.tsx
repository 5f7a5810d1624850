import type { ReactNode } from "react";
import { AuthShell } from "@/components/auth/auth-shell";

/** Sign-in and set-up: no desk navigation, just the brand and a centred card. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <AuthShell>{children}</AuthShell>;
}
