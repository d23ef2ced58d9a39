import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { useSession } from '../../app/session';

export const botKey = (teamId: string, botId: string) => ['bot', teamId, botId] as const;

/** One bot, shared by its detail, configure, contacts and calls pages (one request, cached). */
export function useBot(botId: string) {
  const { teamId } = useSession();
  return useQuery({
    queryKey: botKey(teamId, botId),
    queryFn: () => call(api.GET('/api/teams/{teamId}/bots/{botId}', { params: { path: { teamId, botId } } })),
  });
}
