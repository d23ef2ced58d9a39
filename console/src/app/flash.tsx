import type { FlashbarProps } from '@cloudscape-design/components/flashbar';
import { createContext, lazy, type ReactNode, Suspense, useCallback, useContext, useMemo, useState } from 'react';
import { describeError } from '../api/client';

type Notify = {
  success: (content: ReactNode) => void;
  error: (header: string, error: unknown) => void;
  info: (content: ReactNode) => void;
  /** Removes the error messages titled `header`: an action that failed, then succeeded, shows only its success. */
  clearErrors: (header: string) => void;
};

const FlashContext = createContext<{ items: FlashbarProps.MessageDefinition[]; notify: Notify } | null>(null);

let seq = 0;

/** The page's messages: every mutation ends in one, success or error (with the API problem's detail). */
export function FlashProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<FlashbarProps.MessageDefinition[]>([]);
  const push = useCallback((item: Omit<FlashbarProps.MessageDefinition, 'id' | 'dismissible' | 'onDismiss'>) => {
    seq += 1;
    const id = `flash-${seq}`;
    const dismiss = () => setItems((all) => all.filter((i) => i.id !== id));
    // The newest message first; older ones stay until dismissed, at most five.
    setItems((all) => [{ ...item, id, dismissible: true, dismissLabel: 'Dismiss message', onDismiss: dismiss }, ...all].slice(0, 5));
  }, []);
  const notify = useMemo<Notify>(
    () => ({
      success: (content) => push({ type: 'success', content }),
      info: (content) => push({ type: 'info', content }),
      error: (header, error) => push({ type: 'error', header, content: describeError(error) }),
      clearErrors: (header) => setItems((all) => all.filter((i) => !(i.type === 'error' && i.header === header))),
    }),
    [push],
  );
  const value = useMemo(() => ({ items, notify }), [items, notify]);
  return <FlashContext.Provider value={value}>{children}</FlashContext.Provider>;
}

export function useNotify(): Notify {
  const ctx = useContext(FlashContext);
  if (!ctx) throw new Error('useNotify outside FlashProvider');
  return ctx.notify;
}

// The Flashbar loads with the first message: no page needs it to paint.
const Flashbar = lazy(() => import('@cloudscape-design/components/flashbar'));

export function Notifications() {
  const ctx = useContext(FlashContext);
  if (!ctx?.items.length) return null;
  return (
    <Suspense fallback={null}>
      <Flashbar items={ctx.items} stackItems={false} />
    </Suspense>
  );
}
