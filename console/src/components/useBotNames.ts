import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { useSession } from '../app/session';

/** The first 100 bots' names, for pickers and for naming a bot in another list (one request, shared). */
export function useBotNames() {
  const { teamId } = useSession();
  const bots = useQuery({
    queryKey: ['bots', teamId, 'names'],
    queryFn: () => call(api.GET('/api/teams/{teamId}/bots', { params: { path: { teamId }, query: { limit: 100 } } })),
  });
  const options = (bots.data ?? []).map((b) => ({ value: b.id, label: b.name }));
  return { ...bots, options, nameOf: (id: string) => bots.data?.find((b) => b.id === id)?.name ?? id };
}
