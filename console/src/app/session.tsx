import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, call, keyStore, setUnauthorizedHandler } from '../api/client';
import type { Me, Role } from '../api/types';

const RANK: Record<Role, number> = { member: 1, admin: 2, super_admin: 3 };

export const ROLE_LABEL: Record<Role, string> = { member: 'Member', admin: 'Admin', super_admin: 'Super admin' };

type Session = {
  me: Me;
  teamId: string;
  /** True when the signed-in role is `min` or above (the server still decides every request). */
  can: (min: Role) => boolean;
  /** Why a button is disabled for this role, or undefined when the role may use it. */
  reason: (min: Role) => string | undefined;
  signOut: () => void;
};

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in page');
  return s;
}

/**
 * Takes a key from the sign-in link's `#key=` fragment (which never reaches a server), keeps it in sessionStorage
 * and removes it from the address bar, so it is neither in the history nor in a shared URL.
 */
export function takeKeyFromFragment(): boolean {
  const m = /(?:^#|&)key=([^&]+)/.exec(window.location.hash);
  if (!m?.[1]) return false;
  keyStore.set(decodeURIComponent(m[1]));
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return true;
}

/** Who the stored key is, from `GET /api/me`; `null` when there is no key or the API refuses it. */
export async function whoAmI(): Promise<Me | null> {
  if (!keyStore.get()) return null;
  const { data, response } = await api.GET('/api/me');
  if (response.status === 401 || response.status === 403) {
    keyStore.clear();
    return null;
  }
  if (!response.ok || !data) throw new Error(`The API did not answer (${response.status})`);
  keyStore.setMe(data);
  return data;
}

export function SessionProvider(props: { me: Me; onSignOut: () => void; children: ReactNode }) {
  const queryClient = useQueryClient();
  const { me, onSignOut } = props;
  const signOut = useCallback(() => {
    keyStore.clear();
    queryClient.clear();
    onSignOut();
  }, [onSignOut, queryClient]);
  useEffect(() => {
    setUnauthorizedHandler(signOut);
    return () => setUnauthorizedHandler(undefined);
  }, [signOut]);
  const value = useMemo<Session>(
    () => ({
      me,
      teamId: me.teamId,
      can: (min) => RANK[me.role] >= RANK[min],
      reason: (min) => (RANK[me.role] >= RANK[min] ? undefined : `Only ${min === 'admin' ? 'admins' : 'super admins'} can do this.`),
      signOut,
    }),
    [me, signOut],
  );
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

/** The member the stored key was at its last check, if any (re-checked at once by the `me` query). */
export function rememberedMe(): Me | undefined {
  return keyStore.getMe() as Me | undefined;
}

export async function signInWith(key: string): Promise<Me | null> {
  keyStore.set(key.trim());
  return whoAmI();
}

export function useMe(): [Me | null | undefined, (me: Me | null) => void] {
  return useState<Me | null | undefined>(undefined);
}

export { call };
