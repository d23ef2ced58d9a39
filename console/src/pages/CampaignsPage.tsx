import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, call, type Problem } from '../api/client';
import type { Campaign } from '../api/types';
import { useBreadcrumbs } from '../app/App';
import { useFollow } from '../app/links';
import { useSession } from '../app/session';
import { ConfirmModal } from '../components/ConfirmModal';
import { finalCount } from '../components/campaign/settings';
import { formatTime } from '../components/format';
import { EmptyState, LoadError } from '../components/states';
import { useApiMutation } from '../components/useApiMutation';
import { useBotNames } from '../components/useBotNames';
import { useCursorPages } from '../components/useCursorPages';

export function CampaignStatus({ status }: { status: string }) {
  if (status === 'running') return <StatusIndicator type="in-progress">Running</StatusIndicator>;
  if (status === 'completed') return <StatusIndicator type="success">Completed</StatusIndicator>;
  return <StatusIndicator type="stopped">Stopped</StatusIndicator>;
}

/** Starting or stopping a campaign also locks or unlocks its bot, so both reload. */
export function useCampaignActions(teamId: string, onDeleted?: () => void) {
  const invalidate = [
    ['campaigns', teamId],
    ['campaign', teamId],
    ['bot', teamId],
    ['bots', teamId],
  ];
  const start = useApiMutation({
    mutationFn: (c: Campaign) =>
      call(api.POST('/api/teams/{teamId}/campaigns/{campaignId}/start', { params: { path: { teamId, campaignId: c.id } } })),
    errorHeader: 'Could not start the campaign',
    success: (c) => `Started "${c.name}". Its bot is locked while it runs.`,
    invalidate,
  });
  const stop = useApiMutation({
    mutationFn: (c: Campaign) =>
      call(api.POST('/api/teams/{teamId}/campaigns/{campaignId}/stop', { params: { path: { teamId, campaignId: c.id } } })),
    errorHeader: 'Could not stop the campaign',
    success: (c) => `Stopped "${c.name}".`,
    invalidate,
  });
  const remove = useApiMutation({
    mutationFn: (c: Campaign) =>
      call(api.DELETE('/api/teams/{teamId}/campaigns/{campaignId}', { params: { path: { teamId, campaignId: c.id } } })),
    errorHeader: 'Could not delete the campaign',
    success: (_d, c) => `Deleted "${c.name}".`,
    invalidate,
    onSuccess: () => onDeleted?.(),
  });
  return { start, stop, remove };
}

export default function CampaignsPage() {
  const { teamId } = useSession();
  const follow = useFollow();
  const bots = useBotNames();
  useBreadcrumbs([{ text: 'Campaigns', href: '/campaigns' }]);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Campaign | null>(null);
  const [selected, setSelected] = useState<Campaign[]>([]);
  const campaigns = useCursorPages<Campaign>(['campaigns', teamId], (cursor) =>
    call(api.GET('/api/teams/{teamId}/campaigns', { params: { path: { teamId }, query: { limit: 25, ...(cursor ? { cursor } : {}) } } })),
  );
  const { start, stop, remove } = useCampaignActions(teamId, () => {
    setDeleting(null);
    setSelected([]);
  });
  const one = selected[0];
  if (campaigns.isError && !campaigns.data) return <LoadError error={campaigns.error} onRetry={() => void campaigns.refetch()} />;
  return (
    <>
      <Table
        variant="full-page"
        items={campaigns.items}
        loading={campaigns.isPending}
        loadingText="Loading campaigns"
        trackBy="id"
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{
          itemSelectionLabel: (_s, c) => `Select ${c.name}`,
          selectionGroupLabel: 'Campaign selection',
          tableLabel: 'Campaigns',
        }}
        header={
          <Header
            variant="awsui-h1-sticky"
            description="Outbound calling with a bot. A running campaign locks its bot’s configuration."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  disabled={!one || one.status === 'running'}
                  disabledReason={!one ? 'Select a campaign.' : 'Already running.'}
                  onClick={() => one && start.mutate(one)}
                  loading={start.isPending}
                >
                  Start
                </Button>
                <Button
                  disabled={one?.status !== 'running'}
                  disabledReason={!one ? 'Select a campaign.' : 'Not running.'}
                  onClick={() => one && stop.mutate(one)}
                  loading={stop.isPending}
                >
                  Stop
                </Button>
                <Button
                  disabled={!one || one.status === 'running'}
                  disabledReason={!one ? 'Select a campaign.' : 'Stop the campaign first.'}
                  onClick={() => one && setDeleting(one)}
                >
                  Delete
                </Button>
                <Button variant="primary" onClick={() => setCreating(true)}>
                  Create campaign
                </Button>
              </SpaceBetween>
            }
          >
            Campaigns
          </Header>
        }
        pagination={<Pagination {...campaigns.pagination} />}
        empty={
          <EmptyState
            title="No campaigns"
            description="Create a campaign to call a list of contacts with a bot."
            action={<Button onClick={() => setCreating(true)}>Create campaign</Button>}
          />
        }
        columnDefinitions={[
          {
            id: 'name',
            header: 'Name',
            isRowHeader: true,
            cell: (c) => (
              <Link href={`/campaigns/${c.id}`} onFollow={follow}>
                {c.name}
              </Link>
            ),
          },
          {
            id: 'bot',
            header: 'Bot',
            cell: (c) => (
              <Link href={`/bots/${c.botId}`} onFollow={follow}>
                {bots.nameOf(c.botId)}
              </Link>
            ),
          },
          { id: 'status', header: 'Status', cell: (c) => <CampaignStatus status={c.status} /> },
          {
            id: 'progress',
            header: 'Progress',
            cell: (c) => (c.progress.total ? `${finalCount(c.progress)} / ${c.progress.total} final` : 'No contacts'),
          },
          { id: 'startedAt', header: 'Started', cell: (c) => formatTime(c.startedAt) },
          { id: 'createdAt', header: 'Created', cell: (c) => formatTime(c.createdAt) },
        ]}
      />
      {creating ? <CreateCampaign bots={bots.options} onClose={() => setCreating(false)} /> : null}
      <ConfirmModal
        visible={Boolean(deleting)}
        header="Delete campaign"
        confirmLabel="Delete"
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onDismiss={() => setDeleting(null)}
      >
        Permanently delete the campaign “{deleting?.name}”? You can’t undo this action.
      </ConfirmModal>
    </>
  );
}

function CreateCampaign({ bots, onClose }: { bots: { value: string; label: string }[]; onClose: () => void }) {
  const { teamId } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [botId, setBotId] = useState(bots[0]?.value ?? '');
  const [problem, setProblem] = useState<Problem | null>(null);
  const create = useApiMutation({
    mutationFn: () => call(api.POST('/api/teams/{teamId}/campaigns', { params: { path: { teamId } }, body: { name, botId } })),
    errorHeader: 'Could not create the campaign',
    success: (c) => `Created "${c.name}" (stopped).`,
    invalidate: [['campaigns', teamId]],
    onSuccess: (c) => {
      onClose();
      navigate(`/campaigns/${c.id}`);
    },
    onError: (e) => setProblem(e instanceof ApiError ? e.problem : null),
  });
  return (
    <ConfirmModal
      visible
      header="Create campaign"
      onDismiss={onClose}
      onConfirm={() => create.mutate(undefined)}
      busy={create.isPending}
      confirmDisabled={!botId}
      confirmLabel="Create campaign"
    >
      <SpaceBetween size="m">
        <FormField label="Name" errorText={problem?.errors?.find((e) => e.path === 'name')?.message}>
          <Input value={name} onChange={({ detail }) => setName(detail.value)} ariaLabel="Name" />
        </FormField>
        <FormField label="Bot" errorText={problem?.errors?.find((e) => e.path === 'botId')?.message}>
          <Select
            selectedOption={bots.find((b) => b.value === botId) ?? null}
            options={bots}
            onChange={({ detail }) => setBotId(detail.selectedOption.value ?? '')}
            ariaLabel="Bot"
            empty="Create a bot first"
          />
        </FormField>
      </SpaceBetween>
    </ConfirmModal>
  );
}
