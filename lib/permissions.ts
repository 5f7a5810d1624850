/**
 * The permission table from DESIGN.md, as data. Server code asks `can(role, action)`;
 * the UI may mirror it but never replaces the server check.
 */
export const ROLES = ["reviewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "read:published": ["anonymous", "reviewer", "editor", "admin"],
  "read:desk": ["reviewer", "editor", "admin"],
  "write:desk": ["reviewer", "editor", "admin"],
  "review:verdict": ["editor", "admin"],
  "publish:article": ["editor", "admin"],
  "manage:organisation": ["admin"],
  // Desk extensions (issue 5). Reviewers pick up work themselves; handing work to others is an editor's call.
  "assign:others": ["editor", "admin"],
  // The whole desk's history across articles; each article's own log is part of read:desk.
  "read:audit-log": ["editor", "admin"],
} as const satisfies Record<string, readonly (Role | "anonymous")[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | "anonymous", permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).includes(role);
}

/** The lowest role that holds a permission, for messages ("editors only"). */
export function minimumRole(permission: Permission): Role {
  return ROLES.find((r) => can(r, permission)) ?? "admin";
}
