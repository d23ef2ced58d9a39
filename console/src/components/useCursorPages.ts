import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

export type CursorPage<T> = { items: T[]; nextCursor: string | null };

type State = { key: string; cursors: (string | undefined)[]; index: number };

/**
 * Pages through a list the API serves by opaque cursors: page 1 has no cursor, page n+1 the cursor page n
 * returned. One request per page shown (cached by TanStack Query), never one per row. The pager grows by one
 * page each time a page says there is a next one.
 */
export function useCursorPages<T>(key: readonly unknown[], fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>) {
  const k = JSON.stringify(key);
  const [state, setState] = useState<State>({ key: k, cursors: [undefined], index: 0 });
  // A new filter starts again at page 1.
  const current: State = state.key === k ? state : { key: k, cursors: [undefined], index: 0 };
  if (current !== state) setState(current);
  const cursor = current.cursors[current.index];
  const query = useQuery({
    queryKey: [...key, 'page', cursor ?? null],
    queryFn: () => fetchPage(cursor),
    placeholderData: keepPreviousData,
  });
  const next = query.isPlaceholderData ? null : (query.data?.nextCursor ?? null);
  useEffect(() => {
    if (!next) return;
    setState((s) => {
      if (s.key !== k || s.index !== s.cursors.length - 1) return s;
      return { ...s, cursors: [...s.cursors, next] };
    });
  }, [next, k]);
  return {
    ...query,
    items: query.data?.items ?? [],
    pagination: {
      currentPageIndex: current.index + 1,
      pagesCount: current.cursors.length,
      disabled: query.isFetching,
      onChange: ({ detail }: { detail: { currentPageIndex: number } }) =>
        setState((s) => ({ ...s, index: Math.min(Math.max(detail.currentPageIndex - 1, 0), s.cursors.length - 1) })),
      ariaLabels: {
        nextPageLabel: 'Next page',
        previousPageLabel: 'Previous page',
        pageLabel: (n: number) => `Page ${n} of all pages`,
      },
    },
  };
}
