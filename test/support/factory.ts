import type { Actor } from '../../shared/auth/principal.js';
import { createTeam } from '../../shared/domain/team/members.js';

/** A fresh team per test: tests share one table and never see each other's data. */
export async function newTeam(name = 'Test Team') {
  const t = await createTeam(name, `owner-${Math.random().toString(36).slice(2)}@example.test`);
  const actor: Actor = { email: t.email, role: 'super_admin' };
  return { ...t, actor };
}

let phoneSequence = 0;
/**
 * An E.164 number no other test uses: numbers are claimed across teams and every test file shares one table, so
 * tests that map numbers take fresh ones (`+1 555` and 8 digits from the process id and a sequence).
 */
export function uniquePhoneNumber(): string {
  phoneSequence += 1;
  const digits = `${process.pid % 10_000}`.padStart(4, '0') + `${phoneSequence % 10_000}`.padStart(4, '0');
  return `+1555${digits.slice(0, 3)}${digits.slice(3)}`;
}
