import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { WEEKDAYS } from '../api/options';
import type { Campaign } from '../api/types';
import { useBreadcrumbs } from '../app/App';
import { useFollow } from '../app/links';
import { useSession } from '../app/session';
import { ConfirmModal } from '../components/ConfirmModal';
import { ContactsTable } from '../components/campaign/ContactsTable';
import { CONTACT_STATUS_LABEL, FINAL_STATUSES, finalCount, formatDays, formatRetry, RETRY_OUTCOMES } from '../components/campaign/settings';
import { useCampaign } from '../components/campaign/useCampaign';
import { formatTime } from '../components/format';
import { Loading, LoadError } from '../components/states';
import { useBotNames } from '../components/useBotNames';
import { CampaignStatus, useCampaignActions } from './CampaignsPage';

/** Why a campaign's settings cannot be edited now, or undefined when they can (the API answers 409 otherwise). */
export function editBlock(c: Campaign): string | undefined {
  if (c.status === 'running') return 'Stop the campaign to change its settings.';
  if (c.status === 'completed') return 'A completed campaign cannot be changed.';
  return undefined;
}

/** One campaign: its dialling settings, its progress per contact status, and its contacts. */
export default function CampaignDetailPage() {
  const { campaignId = '' } = useParams();
  const { teamId } = useSession();
  const follow = useFollow();
  const navigate = useNavigate();
  const bots = useBotNames();
  const [deleting, setDeleting] = useState(false);
  const campaign = useCampaign(teamId, campaignId);
  const { start, stop, remove } = useCampaignActions(teamId, () => navigate('/campaigns'));
  useBreadcrumbs([
    { text: 'Campaigns', href: '/campaigns' },
    { text: campaign.data?.campaign.name ?? campaignId, href: `/campaigns/${campaignId}` },
  ]);
  if (campaign.isPending) return <Loading text="Loading campaign" />;
  if (campaign.isError)
    return <LoadError header="Could not load this campaign" error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data.campaign;
  const running = c.status === 'running';
  const blocked = editBlock(c);
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
                <Button
                  variant="primary"
                  onClick={() => start.mutate(c)}
                  loading={start.isPending}
                  disabled={c.status === 'completed'}
                  disabledReason="Every contact reached a final status."
                >
                  Start
                </Button>
              )}
              <Button onClick={() => navigate(`/campaigns/${c.id}/edit`)} disabled={Boolean(blocked)} disabledReason={blocked}>
                Edit settings
              </Button>
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
      <SpaceBetween size="l">
        <Progress campaign={c} />
        <Container header={<Header variant="h2">Dialling settings</Header>}>
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
              { label: 'Caller id', value: c.fromNumber ?? 'None (the provider’s default)' },
              {
                label: 'Calling window',
                value: `${formatDays(c.callingWindow.days, WEEKDAYS)}, ${c.callingWindow.start}–${c.callingWindow.end} in each contact’s time zone`,
              },
              { label: 'Default time zone', value: c.defaultTimezone ?? 'The bot’s time zone' },
              { label: 'Max concurrent calls', value: String(c.maxConcurrentCalls) },
              { label: 'Max attempts per contact', value: String(c.maxAttempts) },
              {
                label: 'Retry delays',
                value: (
                  <SpaceBetween size="xxxs">
                    {RETRY_OUTCOMES.map(([outcome, label]) => (
                      <div key={outcome}>
                        {label}: {formatRetry(c.retry[outcome])}
                      </div>
                    ))}
                  </SpaceBetween>
                ),
              },
              { label: 'Start at', value: c.startAt ? formatTime(c.startAt) : 'As soon as it starts' },
              { label: 'End at', value: c.endAt ? formatTime(c.endAt) : 'No end' },
              { label: 'Created', value: formatTime(c.createdAt) },
              { label: 'Started', value: formatTime(c.startedAt) },
              { label: 'Stopped', value: formatTime(c.stoppedAt) },
            ]}
          />
        </Container>
        <ContactsTable campaign={c} />
      </SpaceBetween>
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

/** Contacts per status and how many are final (no dial will change them any more). */
function Progress({ campaign: c }: { campaign: Campaign }) {
  const p = c.progress;
  const done = finalCount(p);
  const running = c.status === 'running';
  return (
    <Container
      header={
        <Header variant="h2" description={running ? 'Refreshed every few seconds while the campaign runs.' : undefined}>
          Progress
        </Header>
      }
    >
      <SpaceBetween size="l">
        <ProgressBar
          value={p.total ? Math.round((done / p.total) * 100) : 0}
          label="Contacts with a final status"
          description="Completed, failed, exhausted or skipped (DNC)"
          additionalInfo={`${done} / ${p.total} final`}
          status={c.status === 'completed' ? 'success' : 'in-progress'}
          resultText={`${done} / ${p.total} final`}
        />
        <KeyValuePairs
          columns={4}
          items={[
            { label: 'Total', value: <Box variant="awsui-value-large">{p.total}</Box> },
            { label: 'Calls in flight', value: <Box variant="awsui-value-large">{c.inFlight}</Box> },
            ...(['pending', 'scheduled', 'dialing', ...FINAL_STATUSES] as const).map((s) => ({
              label: CONTACT_STATUS_LABEL[s],
              value: String(p[s]),
            })),
          ]}
        />
      </SpaceBetween>
    </Container>
  );
}
