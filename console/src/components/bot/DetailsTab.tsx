import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs, { type KeyValuePairsProps } from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { api, call } from '../../api/client';
import type { Bot } from '../../api/types';
import { useSession } from '../../app/session';
import { formatTime, labelOf } from '../format';
import { useApiMutation } from '../useApiMutation';
import { botKey } from './useBot';

const text = (v: string | null | undefined) => (v ? <Box variant="span">{v}</Box> : '--');
const list = (items: string[]) => (items.length ? items.join(', ') : '--');

/** The bot's configuration, read-only, in the cards of the detail page; Advanced Features only when configured. */
export function DetailsTab({ bot }: { bot: Bot }) {
  return (
    <SpaceBetween size="l">
      <PostCallCacheCard bot={bot} />
      <Container header={<Header variant="h2">Core Configuration</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'Speech-to-Text engine', value: bot.voicePipeline.speechToText },
            { label: 'Language model', value: bot.voicePipeline.languageModel },
            {
              label: 'Voice engine',
              value: `${bot.voicePipeline.voice}${bot.voicePipeline.voiceId ? ` (${bot.voicePipeline.voiceId})` : ''}`,
            },
            { label: 'System prompt', value: text(bot.customPrompt) },
            { label: 'Opening message', value: text(bot.openingMessage) },
            ...(bot.policy ? [{ label: 'Conversation policy', value: text(bot.policy) }] : []),
            { label: 'Chat model', value: bot.model },
            { label: 'Language', value: bot.language },
            { label: 'Privacy', value: labelOf(bot.privacy) },
            { label: 'Industry', value: text(bot.industry) },
            { label: 'Time zone', value: bot.timezone },
            { label: 'Region', value: bot.region },
          ]}
        />
      </Container>
      <Container header={<Header variant="h2">Behavior &amp; Runtime</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'Maximum call duration', value: `${bot.maxCallDurationSeconds} seconds` },
            { label: 'Re-engagement gap', value: `${bot.reEngagement.gapSeconds} seconds` },
            { label: 'Re-engagement retries', value: String(bot.reEngagement.retries) },
            { label: 'VAD threshold', value: String(bot.vad.threshold) },
            { label: 'VAD silence', value: `${bot.vad.silenceMs} ms` },
            { label: 'VAD prefix padding', value: `${bot.vad.prefixPaddingMs} ms` },
            { label: 'Minimum words to interrupt', value: String(bot.minWordsToInterrupt) },
            { label: 'Mode', value: labelOf(bot.mode) },
            { label: 'Messages per contact', value: bot.maxMessagesPerContact == null ? 'No limit' : String(bot.maxMessagesPerContact) },
            { label: 'Reactivate after an automatic turn-off', value: bot.autoReactivateAfter ?? 'Never' },
            { label: 'Re-engagement messages', value: bot.reEngagement.messages?.length ? bot.reEngagement.messages.join(' · ') : '--' },
          ]}
        />
      </Container>
      <AdvancedFeatures bot={bot} />
    </SpaceBetween>
  );
}

function AdvancedFeatures({ bot }: { bot: Bot }) {
  const items: KeyValuePairsProps.Item[] = [];
  if (bot.tools.length) items.push({ label: 'Tools', value: bot.tools.map((t) => t.name).join(', ') });
  if (bot.transferTargets.length)
    items.push({ label: 'Transfer-call targets', value: bot.transferTargets.map((t) => `${t.name} (${t.number})`).join(', ') });
  if (bot.allowedSipHeaders.length) items.push({ label: 'Allowed SIP headers', value: list(bot.allowedSipHeaders) });
  if (bot.analysisPrompt) items.push({ label: 'Analysis prompt', value: text(bot.analysisPrompt) });
  if (bot.qcPrompt) items.push({ label: 'QC prompt', value: text(bot.qcPrompt) });
  if (bot.crmPrefetch) items.push({ label: 'CRM pre-fetch', value: `${bot.crmPrefetch.url}${bot.crmPrefetch.enabled ? '' : ' (off)'}` });
  if (bot.postCallPush)
    items.push({ label: 'Post-call push', value: `${bot.postCallPush.url}${bot.postCallPush.enabled ? '' : ' (off)'}` });
  if (!items.length) return null;
  return (
    <Container header={<Header variant="h2">Advanced Features</Header>}>
      <KeyValuePairs columns={2} items={items} />
    </Container>
  );
}

function PostCallCacheCard({ bot }: { bot: Bot }) {
  const { teamId, reason } = useSession();
  const path = { teamId, botId: bot.id };
  const invalidate = [botKey(teamId, bot.id)];
  const enable = useApiMutation({
    mutationFn: () => call(api.POST('/api/teams/{teamId}/bots/{botId}/post-call-cache/enable', { params: { path } })),
    errorHeader: 'Could not enable the post-call cache',
    success: () => 'Post-call cache enabled.',
    invalidate,
  });
  const disable = useApiMutation({
    mutationFn: () => call(api.POST('/api/teams/{teamId}/bots/{botId}/post-call-cache/disable', { params: { path } })),
    errorHeader: 'Could not disable the post-call cache',
    success: () => 'Post-call cache disabled.',
    invalidate,
  });
  const refresh = useApiMutation({
    mutationFn: () => call(api.POST('/api/teams/{teamId}/bots/{botId}/post-call-cache/refresh', { params: { path } })),
    errorHeader: 'Could not refresh the post-call cache',
    success: (c) => `Post-call cache refreshed: version ${c.version}.`,
    invalidate,
  });
  const cache = bot.postCallCache;
  const admin = reason('admin');
  const nothingToCache =
    !bot.analysisPrompt && !bot.qcPrompt ? 'No analysis or QC prompt is configured: there is nothing to cache.' : undefined;
  const busy = enable.isPending || disable.isPending || refresh.isPending;
  return (
    <Container
      header={
        <Header
          variant="h2"
          info={<Badge color={cache.enabled ? 'green' : 'grey'}>Post-Call Cache {cache.enabled ? 'enabled' : 'disabled'}</Badge>}
          description="Reuses a cached version of the post-call analysis and QC prompts: cheaper and faster analysis after each call, same result. Never used in the live conversation."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button
                onClick={() => enable.mutate(undefined)}
                disabled={busy || cache.enabled || Boolean(admin)}
                disabledReason={admin ?? (cache.enabled ? 'Already enabled.' : undefined)}
                loading={enable.isPending}
              >
                Enable
              </Button>
              <Button
                onClick={() => disable.mutate(undefined)}
                disabled={busy || !cache.enabled || Boolean(admin)}
                disabledReason={admin ?? (!cache.enabled ? 'Already disabled.' : undefined)}
                loading={disable.isPending}
              >
                Disable
              </Button>
              <Button
                onClick={() => refresh.mutate(undefined)}
                disabled={busy || Boolean(admin ?? nothingToCache)}
                disabledReason={admin ?? nothingToCache}
                loading={refresh.isPending}
              >
                Refresh
              </Button>
            </SpaceBetween>
          }
        >
          Post-Call Cache
        </Header>
      }
    >
      <KeyValuePairs
        columns={3}
        items={[
          { label: 'Analysis Prompt', value: bot.analysisPrompt ? 'Configured' : '--' },
          { label: 'QC Prompt', value: bot.qcPrompt ? 'Configured' : '--' },
          { label: 'Version Override', value: String(cache.version) },
          { label: 'Refreshed By', value: cache.refreshedBy ?? '--' },
          { label: 'Refreshed at', value: formatTime(cache.refreshedAt) },
        ]}
      />
    </Container>
  );
}
