import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import type { Bot } from '../api/types';
import { useBreadcrumbs } from '../app/App';
import { useFollow } from '../app/links';
import { useSession } from '../app/session';
import { ActiveBadge } from '../components/bot/badges';
import { DetailsTab } from '../components/bot/DetailsTab';
import { IntegrationTab } from '../components/bot/IntegrationTab';
import { botKey, useBot } from '../components/bot/useBot';
import { WidgetTab } from '../components/bot/WidgetTab';
import { ConfirmModal } from '../components/ConfirmModal';
import { Loading, LoadError } from '../components/states';
import { useApiMutation } from '../components/useApiMutation';

const NO_TELEPHONY = 'No telephony provider is configured for this deployment.';

export function lockReason(bot: Bot): string | undefined {
  return bot.lockedByCampaigns.length ? 'A running campaign uses this bot: stop it first.' : undefined;
}

/** The campaigns that lock a bot, each a link to its page. */
export function LockBanner({ bot }: { bot: Bot }) {
  const follow = useFollow();
  if (!bot.lockedByCampaigns.length) return null;
  return (
    <Alert type="warning" header="This bot is in use by running campaigns">
      <SpaceBetween size="xs">
        <span>
          Its configuration is locked: you cannot edit or delete it while a campaign that uses it is running. Stop the campaign first, then
          return here. Running:{' '}
          {bot.lockedByCampaigns.map((c, i) => (
            <span key={c.id}>
              {i > 0 ? ', ' : ''}
              <Link href={`/campaigns/${c.id}`} onFollow={follow}>
                {c.name}
              </Link>
            </span>
          ))}
        </span>
      </SpaceBetween>
    </Alert>
  );
}

export default function BotDetailPage() {
  const { botId = '' } = useParams();
  const bot = useBot(botId);
  useBreadcrumbs([
    { text: 'Bots', href: '/bots' },
    { text: bot.data?.name ?? botId, href: `/bots/${botId}` },
  ]);
  if (bot.isPending) return <Loading text="Loading bot" />;
  if (bot.isError) return <LoadError header="Could not load this bot" error={bot.error} onRetry={() => void bot.refetch()} />;
  return <BotDetail bot={bot.data} />;
}

function BotDetail({ bot }: { bot: Bot }) {
  const { teamId, reason } = useSession();
  const follow = useFollow();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [confirm, setConfirm] = useState<'clone' | 'delete' | null>(null);
  const tab = params.get('tab') ?? 'details';
  const locked = lockReason(bot);
  const path = { teamId, botId: bot.id };

  const clone = useApiMutation({
    mutationFn: () => call(api.POST('/api/teams/{teamId}/bots/{botId}/clone', { params: { path } })),
    errorHeader: 'Could not clone the bot',
    invalidate: [['bots', teamId]],
    success: (copy) => `Created "${copy.name}", a clone of "${bot.name}".`,
    onSuccess: (copy) => {
      setConfirm(null);
      navigate(`/bots/${copy.id}`);
    },
    onError: () => setConfirm(null),
  });
  const remove = useApiMutation({
    mutationFn: () => call(api.DELETE('/api/teams/{teamId}/bots/{botId}', { params: { path } })),
    errorHeader: 'Could not delete the bot',
    invalidate: [['bots', teamId]],
    success: () => `Deleted "${bot.name}".`,
    onSuccess: () => {
      setConfirm(null);
      queryClient.removeQueries({ queryKey: botKey(teamId, bot.id) });
      navigate('/bots');
    },
    onError: () => setConfirm(null),
  });

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={bot.description || undefined}
          info={<ActiveBadge active={bot.active} />}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button href="/bots" onFollow={follow} iconName="arrow-left">
                Back to bots
              </Button>
              <Button disabled disabledReason={NO_TELEPHONY}>
                Test Call
              </Button>
              <Button disabled disabledReason={NO_TELEPHONY}>
                Test in Browser
              </Button>
              <Button href={`/bots/${bot.id}/configure`} onFollow={follow}>
                Configure
              </Button>
              <Button onClick={() => setConfirm('clone')}>Clone</Button>
              <Button onClick={() => navigate(`/bots/${bot.id}/edit`)} disabled={Boolean(locked)} disabledReason={locked}>
                Edit
              </Button>
              <Button
                onClick={() => setConfirm('delete')}
                disabled={Boolean(locked ?? reason('admin'))}
                disabledReason={locked ?? reason('admin')}
              >
                Delete
              </Button>
            </SpaceBetween>
          }
        >
          {bot.name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <LockBanner bot={bot} />
        <Tabs
          activeTabId={tab}
          onChange={({ detail }) => setParams(detail.activeTabId === 'details' ? {} : { tab: detail.activeTabId }, { replace: true })}
          ariaLabel="Bot sections"
          tabs={[
            { id: 'details', label: 'Details', content: <DetailsTab bot={bot} /> },
            { id: 'integration', label: 'Integration', content: <IntegrationTab bot={bot} /> },
            { id: 'widget', label: 'Web Widget', content: <WidgetTab bot={bot} /> },
          ]}
        />
      </SpaceBetween>
      <ConfirmModal
        visible={confirm === 'clone'}
        header="Clone bot"
        confirmLabel="Clone"
        busy={clone.isPending}
        onConfirm={() => clone.mutate(undefined)}
        onDismiss={() => setConfirm(null)}
      >
        Create a clone of “{bot.name}” with the same settings? Calls, campaigns, and DID mappings will not be copied.
      </ConfirmModal>
      <ConfirmModal
        visible={confirm === 'delete'}
        header="Delete bot"
        confirmLabel="Delete"
        busy={remove.isPending}
        onConfirm={() => remove.mutate(undefined)}
        onDismiss={() => setConfirm(null)}
      >
        <Box variant="span">Permanently delete “{bot.name}”? You can’t undo this action.</Box>
      </ConfirmModal>
    </ContentLayout>
  );
}
