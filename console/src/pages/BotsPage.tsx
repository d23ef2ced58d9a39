import { useCollection } from '@cloudscape-design/collection-hooks';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { api, callWithHeaders } from '../api/client';
import type { Bot } from '../api/types';
import { useBreadcrumbs } from '../app/App';
import { useFollow } from '../app/links';
import { useSession } from '../app/session';
import { ActiveBadge, BotStatus } from '../components/bot/badges';
import { formatTime, labelOf } from '../components/format';
import { EmptyState, LoadError } from '../components/states';
import { useCursorPages } from '../components/useCursorPages';

export const BOTS_PAGE_SIZE = 25;

/** The team's bots, a page at a time (the API answers a JSON array and the next cursor in `X-Next-Cursor`). */
export function BotsPage() {
  const { teamId } = useSession();
  const follow = useFollow();
  useBreadcrumbs([{ text: 'Bots', href: '/bots' }]);
  const bots = useCursorPages<Bot>(['bots', teamId], async (cursor) => {
    const { data, headers } = await callWithHeaders(
      api.GET('/api/teams/{teamId}/bots', {
        params: { path: { teamId }, query: { limit: BOTS_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
      }),
    );
    return { items: data, nextCursor: headers.get('X-Next-Cursor') };
  });
  const { items, collectionProps, filterProps, filteredItemsCount, actions } = useCollection(bots.items, {
    filtering: {
      fields: ['name', 'description', 'id'],
      empty: (
        <EmptyState
          title="No bots yet"
          description="Create a bot to give it a voice pipeline, a phone number and a widget."
          action={
            <Button href="/bots/new" onFollow={follow}>
              Create bot
            </Button>
          }
        />
      ),
      noMatch: (
        <EmptyState
          title="No matches on this page"
          description="The filter looks at the bots of the page shown."
          action={<Button onClick={() => actions.setFiltering('')}>Clear filter</Button>}
        />
      ),
    },
    sorting: {},
  });
  if (bots.isError && !bots.data) return <LoadError error={bots.error} onRetry={() => void bots.refetch()} />;
  return (
    <Table
      {...collectionProps}
      variant="full-page"
      stickyHeader
      items={items}
      loading={bots.isPending}
      loadingText="Loading bots"
      trackBy="id"
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={bots.isPending ? undefined : `(${bots.items.length}${bots.pagination.pagesCount > 1 ? '+' : ''})`}
          description="Every bot of the team. Open one to see its details, integration code and web widget."
          actions={
            <Button variant="primary" href="/bots/new" onFollow={follow}>
              Create bot
            </Button>
          }
        >
          Bots
        </Header>
      }
      filter={
        <TextFilter
          {...filterProps}
          filteringPlaceholder="Find bots on this page"
          filteringAriaLabel="Find bots on this page"
          countText={`${filteredItemsCount ?? 0} matches`}
        />
      }
      pagination={<Pagination {...bots.pagination} />}
      columnDefinitions={[
        {
          id: 'name',
          header: 'Name',
          cell: (b) => (
            <Link href={`/bots/${b.id}`} onFollow={follow}>
              {b.name}
            </Link>
          ),
          sortingField: 'name',
          isRowHeader: true,
        },
        { id: 'active', header: 'State', cell: (b) => <ActiveBadge active={b.active} /> },
        { id: 'mode', header: 'Mode', cell: (b) => labelOf(b.mode) },
        { id: 'status', header: 'Status', cell: (b) => <BotStatus status={b.status} /> },
        { id: 'language', header: 'Language', cell: (b) => b.language },
        { id: 'createdAt', header: 'Created', cell: (b) => formatTime(b.createdAt), sortingField: 'createdAt' },
      ]}
    />
  );
}
