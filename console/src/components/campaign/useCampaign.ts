import { useQuery } from '@tanstack/react-query';
import { api, callWithHeaders } from '../../api/client';

/** How often a running campaign's progress and contacts are read again while its page is open. */
export const RUNNING_REFRESH_MS = 5000;

/**
 * One campaign and its ETag (the version `PATCH` sends back as `If-Match`). While it runs, it is read again every
 * few seconds, so its progress moves on screen as contacts are dialled.
 */
export function useCampaign(teamId: string, campaignId: string) {
  return useQuery({
    queryKey: ['campaign', teamId, campaignId],
    queryFn: async () => {
      const { data, headers } = await callWithHeaders(
        api.GET('/api/teams/{teamId}/campaigns/{campaignId}', { params: { path: { teamId, campaignId } } }),
      );
      return { campaign: data, etag: headers.get('etag') };
    },
    refetchInterval: (query) => (query.state.data?.campaign.status === 'running' ? RUNNING_REFRESH_MS : false),
  });
}
