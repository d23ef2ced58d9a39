import type { Actor } from '../../shared/auth/principal.js';
import { createTeam } from '../../shared/domain/team/members.js';

/** A fresh team per test: tests share one table and never see each other's data. */
export async function newTeam(name = 'Test Team') {
  const t = await createTeam(name, `owner-${Math.random().toString(36).slice(2)}@example.test`);
  const actor: Actor = { email: t.email, role: 'super_admin' };
  return { ...t, actor };
}
