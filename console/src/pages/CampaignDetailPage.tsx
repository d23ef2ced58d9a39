import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, call } from '../api/client';
import { useBreadcrumbs } from '../app/App';
import { useFollow } from '../app/links';
import { useSession } from '../app/session';
import { ConfirmModal } from '../components/ConfirmModal';
import { formatTime } from '../components/format';
import { Loading, LoadError } from '../components/states';
import { useBotNames } from '../components/useBotNames';
import { CampaignStatus, useCampaignActions } from './CampaignsPage';

/** One campaign: what the bot page's lock banner links to. */
export default function CampaignDetailPage() {
  const { campaignId = '' } = useParams();
  const { teamId } = useSession();
  const follow = useFollow();
  const navigate = useNavigate();
  const bots = useBotNames();
  const [deleting, setDeleting] = useState(false);
  const campaign = useQuery({
    queryKey: ['campaign', teamId, campaignId],
    queryFn: () => call(api.GET('/api/teams/{teamId}/campaigns/{campaignId}', { params: { path: { teamId, campaignId } } })),
  });
  const { start, stop, remove } = useCampaignActions(teamId, () => navigate('/campaigns'));
  useBreadcrumbs([
    { text: 'Campaigns', href: '/campaigns' },
    { text: campaign.data?.name ?? campaignId, href: `/campaigns/${campaignId}` },
  ]);
  if (campaign.isPending) return <Loading text="Loading campaign" />;
  if (campaign.isError)
    return <LoadError header="Could not load this campaign" error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data;
  const running = c.status === 'running';
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          info={<CampaignStatus status={c.status} />}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {running ? (
                <Button onClick={() => stop.mutate(c)} loading={stop.isPending}>
                  Stop
                </Button>
              ) : (
                <Button variant="primary" onClick={() => start.mutate(c)} loading={start.isPending}>
                  Start
                </Button>
              )}
              <Button onClick={() => setDeleting(true)} disabled={running} disabledReason="Stop the campaign first.">
                Delete
              </Button>
            </SpaceBetween>
          }
        >
          {c.name}
        </Header>
      }
    >
      <Container header={<Header variant="h2">Details</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            {
              label: 'Bot',
              value: (
                <Link href={`/bots/${c.botId}`} onFollow={follow}>
                  {bots.nameOf(c.botId)}
                </Link>
              ),
            },
            { label: 'Status', value: <CampaignStatus status={c.status} /> },
            { label: 'Created', value: formatTime(c.createdAt) },
            { label: 'Started', value: formatTime(c.startedAt) },
            { label: 'Stopped', value: formatTime(c.stoppedAt) },
            { label: 'Campaign id', value: c.id },
          ]}
        />
      </Container>
      <ConfirmModal
        visible={deleting}
        header="Delete campaign"
        confirmLabel="Delete"
        busy={remove.isPending}
        onConfirm={() => remove.mutate(c)}
        onDismiss={() => setDeleting(false)}
      >
        Permanently delete the campaign “{c.name}”? You can’t undo this action.
      </ConfirmModal>
    </ContentLayout>
  );
}
