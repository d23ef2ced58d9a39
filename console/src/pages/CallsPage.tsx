import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useParams } from 'react-router';
import { api, call } from '../api/client';
import type { Call } from '../api/types';
import { useBreadcrumbs } from '../app/App';
import { useFollow } from '../app/links';
import { useSession } from '../app/session';
import { useBot } from '../components/bot/useBot';
import { formatTime, labelOf } from '../components/format';
import { EmptyState, LoadError } from '../components/states';
import { useCursorPages } from '../components/useCursorPages';

const CALL_STATUS: Record<string, StatusIndicatorProps.Type> = {
  queued: 'pending',
  waiting: 'pending',
  ringing: 'in-progress',
  in_progress: 'in-progress',
  completed: 'success',
  failed: 'error',
};

export function CallStatus({ status }: { status: string }) {
  return <StatusIndicator type={CALL_STATUS[status] ?? 'info'}>{labelOf(status)}</StatusIndicator>;
}

/** A bot's calls, newest first. */
export default function CallsPage() {
  const { botId = '' } = useParams();
  const { teamId } = useSession();
  const follow = useFollow();
  const bot = useBot(botId);
  useBreadcrumbs([
    { text: 'Bots', href: '/bots' },
    { text: bot.data?.name ?? botId, href: `/bots/${botId}` },
    { text: 'Calls', href: `/bots/${botId}/calls` },
  ]);
  const calls = useCursorPages<Call>(['calls', teamId, botId], (cursor) =>
    call(
      api.GET('/api/teams/{teamId}/bots/{botId}/calls', {
        params: { path: { teamId, botId }, query: { limit: 25, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  if (calls.isError && !calls.data) return <LoadError error={calls.error} onRetry={() => void calls.refetch()} />;
  return (
    <Table
      variant="full-page"
      items={calls.items}
      loading={calls.isPending}
      loadingText="Loading calls"
      trackBy="id"
      header={
        <Header
          variant="awsui-h1-sticky"
          description="Newest first. Calls are placed through the dialout API (see the bot’s Integration tab) or by campaigns."
        >
          Calls of {bot.data?.name ?? 'this bot'}
        </Header>
      }
      pagination={<Pagination {...calls.pagination} />}
      empty={<EmptyState title="No calls yet" description="Trigger one with the dialout snippet on the bot’s Integration tab." />}
      columnDefinitions={[
        {
          id: 'id',
          header: 'Call',
          isRowHeader: true,
          cell: (c) => (
            <Link href={`/calls/${c.id}`} onFollow={follow}>
              {c.id}
            </Link>
          ),
        },
        { id: 'to', header: 'To', cell: (c) => c.to },
        { id: 'status', header: 'Status', cell: (c) => <CallStatus status={c.status} /> },
        { id: 'queuedAt', header: 'Queued', cell: (c) => formatTime(c.queuedAt) },
        { id: 'endedAt', header: 'Ended', cell: (c) => formatTime(c.endedAt) },
        { id: 'push', header: 'Post-call push', cell: (c) => (c.push ? labelOf(c.push.status) : '--') },
      ]}
    />
  );
}
