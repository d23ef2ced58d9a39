import type { Actor } from '../../auth/principal.js';
import type { Role } from '../../auth/roles.js';
import { Forbidden } from '../errors.js';
import type { Member } from './store.js';

/** Only a super_admin may create, change or remove a super_admin. */
export function assertMayManage(actor: Actor, ...roles: Role[]) {
  if (roles.includes('super_admin') && actor.role !== 'super_admin')
    throw new Forbidden('Only a super_admin may grant, change or remove the super_admin role.');
}

/**
 * A key acts, and is audited, as its member: a caller mints keys for themselves, or for a member whose role is
 * strictly below their own (an admin for members, a super_admin for admins and members), never for a peer.
 */
export function assertMayMintFor(actor: Actor, member: Member) {
  if (member.email === actor.email.toLowerCase()) return;
  if (roleRank(actor.role) <= roleRank(member.role))
    throw new Forbidden(`An API key for another member needs a role above theirs (${member.role}); they can create their own.`);
}
const roleRank = (role: string) => (role === 'super_admin' ? 3 : role === 'admin' ? 2 : role === 'member' ? 1 : 0);
