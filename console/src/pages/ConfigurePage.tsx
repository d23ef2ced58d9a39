import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import Toggle from '@cloudscape-design/components/toggle';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, api, call, type Problem } from '../api/client';
import { REGIONS } from '../api/options';
import type { Bot } from '../api/types';
import { useBreadcrumbs } from '../app/App';
import { useFollow } from '../app/links';
import { useSession } from '../app/session';
import { ActiveBadge } from '../components/bot/badges';
import { timeZoneOptions } from '../components/bot/timezones';
import { botKey, useBot } from '../components/bot/useBot';
import { ConfirmModal } from '../components/ConfirmModal';
import { Loading, LoadError } from '../components/states';
import { useApiMutation } from '../components/useApiMutation';
import { LockBanner, lockReason } from './BotDetailPage';

/** A bot's information (name, industry, time zone, description, region), pausing its response, and resetting it. */
export default function ConfigurePage() {
  const { botId = '' } = useParams();
  const bot = useBot(botId);
  useBreadcrumbs([
    { text: 'Bots', href: '/bots' },
    { text: bot.data?.name ?? botId, href: `/bots/${botId}` },
    { text: 'Configure', href: `/bots/${botId}/configure` },
  ]);
  if (bot.isPending) return <Loading text="Loading bot" />;
  if (bot.isError) return <LoadError header="Could not load this bot" error={bot.error} onRetry={() => void bot.refetch()} />;
  return <Configure key={bot.data.updatedAt} bot={bot.data} />;
}

function Configure({ bot }: { bot: Bot }) {
  const { teamId, reason } = useSession();
  const follow = useFollow();
  const zones = useMemo(timeZoneOptions, []);
  const [form, setForm] = useState({
    name: bot.name,
    industry: bot.industry ?? '',
    timezone: bot.timezone,
    description: bot.description,
    region: bot.region,
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const path = { teamId, botId: bot.id };
  const invalidate = [botKey(teamId, bot.id), ['bots', teamId]];
  const admin = reason('admin');
  const locked = lockReason(bot);
  const errorOf = (p: string) => problem?.errors?.find((e) => e.path === p)?.message;

  const save = useApiMutation({
    mutationFn: () =>
      call(
        api.PUT('/api/teams/{teamId}/bots/{botId}', {
          params: { path },
          body: {
            name: form.name,
            industry: form.industry || null,
            timezone: form.timezone,
            description: form.description,
            region: form.region as Bot['region'],
          },
        }),
      ),
    errorHeader: 'Could not save the bot information',
    success: (b) => `Saved "${b.name}".`,
    invalidate,
    onSuccess: () => setProblem(null),
    onError: (e) => setProblem(e instanceof ApiError ? e.problem : null),
  });
  const pause = useApiMutation({
    mutationFn: (disable: boolean) =>
      disable
        ? call(api.POST('/api/teams/{teamId}/bots/{botId}/pause', { params: { path } }))
        : call(api.POST('/api/teams/{teamId}/bots/{botId}/resume', { params: { path } })),
    errorHeader: 'Could not change the bot response',
    success: (b) => (b.active ? `"${b.name}" responds again.` : `"${b.name}" is paused: it answers nobody.`),
    invalidate,
  });
  const reset = useApiMutation({
    mutationFn: () => call(api.POST('/api/teams/{teamId}/bots/{botId}/reset', { params: { path } })),
    errorHeader: 'Could not reset the bot',
    success: () => `Reset "${bot.name}": its past conversations, contacts, calls and connector history are deleted.`,
    invalidate,
    onSuccess: () => setConfirmReset(false),
    onError: () => setConfirmReset(false),
  });

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          info={<ActiveBadge active={bot.active} />}
          description="Change the bot’s information, pause its response or reset its data."
        >
          Configure {bot.name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <LockBanner bot={bot} />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(undefined);
          }}
        >
          <Form
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button variant="link" href={`/bots/${bot.id}`} onFollow={follow}>
                  Cancel
                </Button>
                <Button variant="primary" formAction="submit" loading={save.isPending} disabled={Boolean(locked)} disabledReason={locked}>
                  Save
                </Button>
              </SpaceBetween>
            }
          >
            <Container header={<Header variant="h2">Bot information</Header>}>
              <SpaceBetween size="l">
                <FormField label="Name" errorText={errorOf('name')}>
                  <Input value={form.name} onChange={({ detail }) => setForm({ ...form, name: detail.value })} ariaLabel="Name" />
                </FormField>
                <FormField label="Industry" errorText={errorOf('industry')}>
                  <Input
                    value={form.industry}
                    onChange={({ detail }) => setForm({ ...form, industry: detail.value })}
                    ariaLabel="Industry"
                  />
                </FormField>
                <FormField label="Time zone" errorText={errorOf('timezone')}>
                  <Select
                    selectedOption={{ value: form.timezone, label: form.timezone }}
                    options={zones}
                    filteringType="auto"
                    filteringPlaceholder="Find a time zone"
                    onChange={({ detail }) => setForm({ ...form, timezone: detail.selectedOption.value ?? form.timezone })}
                    ariaLabel="Time zone"
                    virtualScroll
                  />
                </FormField>
                <FormField label="Description" errorText={errorOf('description')} stretch>
                  <Textarea
                    rows={3}
                    value={form.description}
                    onChange={({ detail }) => setForm({ ...form, description: detail.value })}
                    ariaLabel="Description"
                  />
                </FormField>
                <FormField
                  label="Region"
                  errorText={errorOf('region')}
                  description="Used for integrations, voice bots (phone numbers) and more. Changing the region may impact the bot, as it is configured for that specific region."
                >
                  <Select
                    selectedOption={{ value: form.region, label: form.region }}
                    options={REGIONS.map((r) => ({ value: r, label: r }))}
                    onChange={({ detail }) => setForm({ ...form, region: detail.selectedOption.value as Bot['region'] })}
                    ariaLabel="Region"
                  />
                </FormField>
                {form.region !== bot.region ? (
                  <Alert type="warning">Changing the region may impact the bot: it is configured for {bot.region}.</Alert>
                ) : null}
              </SpaceBetween>
            </Container>
          </Form>
        </form>
        <Container
          header={
            <Header variant="h2" description="Only super admins and admins can pause a bot.">
              Disable bot response
            </Header>
          }
        >
          <SpaceBetween size="s">
            <Toggle
              checked={!bot.active}
              disabled={Boolean(admin) || pause.isPending}
              onChange={({ detail }) => pause.mutate(detail.checked)}
              description={
                bot.active
                  ? 'The bot responds. Turn this on to pause it while you change its configuration.'
                  : 'The bot is paused and answers nobody. Turn this off to publish it again.'
              }
            >
              Disable bot response
            </Toggle>
            {admin ? <Box color="text-status-inactive">{admin}</Box> : null}
          </SpaceBetween>
        </Container>
        <Container
          header={
            <Header
              variant="h2"
              description="Deletes all past flows, conversations and data of this bot: contacts, messages, calls and connector history. Its configuration is kept. Only super admins and admins can reset a bot."
              actions={
                <Button onClick={() => setConfirmReset(true)} disabled={Boolean(admin ?? locked)} disabledReason={admin ?? locked}>
                  Reset bot
                </Button>
              }
            >
              Reset bot
            </Header>
          }
        />
      </SpaceBetween>
      <ConfirmModal
        visible={confirmReset}
        header="Reset bot"
        confirmLabel="Reset bot"
        busy={reset.isPending}
        onConfirm={() => reset.mutate(undefined)}
        onDismiss={() => setConfirmReset(false)}
      >
        Reset “{bot.name}”? All past flows, conversations, and data of this bot will be deleted. Its configuration is kept. You can’t undo
        this action.
      </ConfirmModal>
    </ContentLayout>
  );
}
