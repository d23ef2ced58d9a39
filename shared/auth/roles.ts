/** Team roles, strongest first (super_admin > admin > member). */
export const ROLES = ['super_admin', 'admin', 'member'] as const;
export type Role = (typeof ROLES)[number];

const rank: Record<Role, number> = { member: 1, admin: 2, super_admin: 3 };

/** True when `role` is at least `minimum`. Unknown roles rank below everything (denied by default). */
export function roleAtLeast(role: string | undefined, minimum: Role): boolean {
  const have = rank[role as Role];
  return have !== undefined && have >= rank[minimum];
}
