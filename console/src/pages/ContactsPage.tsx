import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import DatePicker from '@cloudscape-design/components/date-picker';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import TimeInput from '@cloudscape-design/components/time-input';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, call } from '../api/client';
import type { Bot, ContactStatus } from '../api/types';
import { useBreadcrumbs } from '../app/App';
import { useFollow } from '../app/links';
import { useSession } from '../app/session';
import { useBot } from '../components/bot/useBot';
import { formatTime, labelOf } from '../components/format';
import { EmptyState, Loading, LoadError } from '../components/states';
import { useApiMutation } from '../components/useApiMutation';
import { useCursorPages } from '../components/useCursorPages';

const REASONS: Record<string, string> = {
  manual: 'Turned off by an agent',
  message_limit: 'Reached the maximum number of bot messages',
  manual_message: 'An agent sent a manual message',
  workflow_message: 'A workflow sent a message',
};

/** Per-contact bot status works only while the bot runs in Suggestive or Auto-Pilot mode. */
function modeBlock(bot: Bot): string | undefined {
  return bot.mode === 'off'
    ? 'Per-contact bot status is only available when the bot operates in Suggestive or Auto-Pilot mode. Change the mode in Edit > Behavior.'
    : undefined;
}

export function ContactStatusIcon({ contact }: { contact: ContactStatus }) {
  return contact.status === 'active' ? (
    <StatusIndicator type="success">Active</StatusIndicator>
  ) : (
    <StatusIndicator type="stopped">Inactive</StatusIndicator>
  );
}

export default function ContactsPage() {
  const { botId = '', contactId } = useParams();
  const bot = useBot(botId);
  useBreadcrumbs([
    { text: 'Bots', href: '/bots' },
    { text: bot.data?.name ?? botId, href: `/bots/${botId}` },
    { text: 'Contacts', href: `/bots/${botId}/contacts` },
    ...(contactId ? [{ text: contactId, href: `/bots/${botId}/contacts/${encodeURIComponent(contactId)}` }] : []),
  ]);
  if (bot.isPending) return <Loading text="Loading bot" />;
  if (bot.isError) return <LoadError header="Could not load this bot" error={bot.error} onRetry={() => void bot.refetch()} />;
  return (
    <SpaceBetween size="l">
      <Header
        variant="h1"
        description="The bot’s status for each contact it talks to: turn it off for one contact, and back on now or later."
      >
        Contacts of {bot.data.name}
      </Header>
      {contactId ? <ContactView bot={bot.data} contactId={contactId} /> : <OpenContact bot={bot.data} />}
      <ContactList bot={bot.data} />
    </SpaceBetween>
  );
}

function OpenContact({ bot }: { bot: Bot }) {
  const navigate = useNavigate();
  const [id, setId] = useState('');
  return (
    <Container
      header={
        <Header variant="h2" description="A contact the bot has not talked to yet is Active.">
          Open a contact
        </Header>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (id.trim()) navigate(`/bots/${bot.id}/contacts/${encodeURIComponent(id.trim())}`);
        }}
      >
        <SpaceBetween direction="horizontal" size="xs">
          <Input
            value={id}
            onChange={({ detail }) => setId(detail.value)}
            placeholder="Contact id, e.g. +14155550123 or a CRM id"
            ariaLabel="Contact id"
          />
          <Button formAction="submit">Open</Button>
        </SpaceBetween>
      </form>
    </Container>
  );
}

function ContactList({ bot }: { bot: Bot }) {
  const { teamId } = useSession();
  const follow = useFollow();
  const [status, setStatus] = useState<'all' | 'active' | 'inactive'>('all');
  const contacts = useCursorPages<ContactStatus>(['contacts', teamId, bot.id, status], (cursor) =>
    call(
      api.GET('/api/teams/{teamId}/bots/{botId}/contacts', {
        params: {
          path: { teamId, botId: bot.id },
          query: { limit: 25, ...(status === 'all' ? {} : { status }), ...(cursor ? { cursor } : {}) },
        },
      }),
    ),
  );
  if (contacts.isError && !contacts.data) return <LoadError error={contacts.error} onRetry={() => void contacts.refetch()} />;
  return (
    <Table
      items={contacts.items}
      loading={contacts.isPending}
      loadingText="Loading contacts"
      trackBy="contactId"
      header={<Header variant="h2">Contacts by status</Header>}
      filter={
        <SegmentedControl
          selectedId={status}
          onChange={({ detail }) => setStatus(detail.selectedId as typeof status)}
          label="Status"
          options={[
            { id: 'all', text: 'All' },
            { id: 'active', text: 'Active' },
            { id: 'inactive', text: 'Inactive' },
          ]}
        />
      }
      pagination={<Pagination {...contacts.pagination} />}
      empty={
        <EmptyState
          title="No contacts"
          description="Contacts appear once the bot or an agent talks to them, or when you set their status."
        />
      }
      columnDefinitions={[
        {
          id: 'contactId',
          header: 'Contact',
          isRowHeader: true,
          cell: (c) => (
            <Link href={`/bots/${bot.id}/contacts/${encodeURIComponent(c.contactId)}`} onFollow={follow}>
              {c.contactId}
            </Link>
          ),
        },
        { id: 'status', header: 'Bot status', cell: (c) => <ContactStatusIcon contact={c} /> },
        { id: 'reason', header: 'Why off', cell: (c) => (c.reason ? REASONS[c.reason] : '--') },
        { id: 'reactivateAt', header: 'Reactivates', cell: (c) => formatTime(c.reactivateAt) },
        { id: 'count', header: 'Bot messages', cell: (c) => c.botMessageCount },
        { id: 'updatedAt', header: 'Updated', cell: (c) => formatTime(c.updatedAt) },
      ]}
    />
  );
}

const UNITS = [
  { value: 'M', label: 'minutes' },
  { value: 'H', label: 'hours' },
  { value: 'D', label: 'days' },
];

function ContactView({ bot, contactId }: { bot: Bot; contactId: string }) {
  const { teamId } = useSession();
  const path = { teamId, botId: bot.id, contactId };
  const contact = useQuery({
    queryKey: ['contact', teamId, bot.id, contactId],
    queryFn: () => call(api.GET('/api/teams/{teamId}/bots/{botId}/contacts/{contactId}/bot-status', { params: { path } })),
    retry: false,
  });
  const [status, setStatus] = useState<'active' | 'inactive' | null>(null);
  const [later, setLater] = useState(false);
  const [how, setHow] = useState<'after' | 'at'>('after');
  const [amount, setAmount] = useState('2');
  const [unit, setUnit] = useState('H');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const blocked = modeBlock(bot);

  const put = useApiMutation({
    mutationFn: () => {
      const target = status ?? contact.data?.status ?? 'active';
      const timer =
        target === 'inactive' && later
          ? how === 'after'
            ? { reactivateAfter: unit === 'D' ? `P${amount}D` : `PT${amount}${unit}` }
            : { reactivateAt: new Date(`${date}T${time}`).toISOString() }
          : {};
      return call(
        api.PUT('/api/teams/{teamId}/bots/{botId}/contacts/{contactId}/bot-status', {
          params: { path },
          body: { status: target, ...timer },
        }),
      );
    },
    errorHeader: 'Could not change the bot status',
    success: (c) =>
      c.status === 'active'
        ? `The bot is active for ${c.contactId}.`
        : `The bot is inactive for ${c.contactId}${c.reactivateAt ? ` until ${formatTime(c.reactivateAt)}` : ''}.`,
    invalidate: [
      ['contact', teamId, bot.id, contactId],
      ['contacts', teamId, bot.id],
    ],
    onSuccess: () => {
      setStatus(null);
      setLater(false);
    },
  });

  if (contact.isPending) return <Loading text="Loading contact" />;
  if (contact.isError)
    return (
      <LoadError
        header="Could not load this contact"
        error={blocked ? new Error(blocked) : contact.error}
        onRetry={() => void contact.refetch()}
      />
    );
  const c = contact.data;
  const chosen = status ?? c.status;
  return (
    <Container
      header={
        <Header variant="h2" info={<ContactStatusIcon contact={c} />} description="The bot’s status in this contact’s conversation.">
          {c.contactId}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <KeyValuePairs
          columns={4}
          items={[
            { label: 'Bot status', value: <ContactStatusIcon contact={c} /> },
            { label: 'Why the bot is off', value: c.reason ? REASONS[c.reason] : '--' },
            { label: 'Reactivates', value: formatTime(c.reactivateAt) },
            { label: 'Bot messages', value: String(c.botMessageCount) },
          ]}
        />
        {blocked ? <Box color="text-status-inactive">{blocked}</Box> : null}
        <ColumnLayout columns={2}>
          <FormField label="Bot status" description="Inactive stops the bot for this contact; Active restarts it.">
            <Select
              disabled={Boolean(blocked)}
              selectedOption={{ value: chosen, label: labelOf(chosen) }}
              options={[
                { value: 'active', label: 'Active' },
                { value: 'inactive', label: 'Inactive' },
              ]}
              onChange={({ detail }) => setStatus(detail.selectedOption.value as 'active' | 'inactive')}
              ariaLabel="Bot status"
            />
          </FormField>
          {chosen === 'inactive' ? (
            <SpaceBetween size="s">
              <Checkbox checked={later} onChange={({ detail }) => setLater(detail.checked)} disabled={Boolean(blocked)}>
                Reactivate bot after
              </Checkbox>
              {later ? (
                <SpaceBetween size="s">
                  <RadioGroup
                    value={how}
                    onChange={({ detail }) => setHow(detail.value as 'after' | 'at')}
                    ariaLabel="When to reactivate"
                    items={[
                      { value: 'after', label: 'A duration from now' },
                      { value: 'at', label: 'A date and time' },
                    ]}
                  />
                  {how === 'after' ? (
                    <SpaceBetween direction="horizontal" size="xs">
                      <Input
                        type="number"
                        value={amount}
                        onChange={({ detail }) => setAmount(detail.value)}
                        ariaLabel="Reactivate after, amount"
                      />
                      <Select
                        selectedOption={UNITS.find((u) => u.value === unit) ?? null}
                        options={UNITS}
                        onChange={({ detail }) => setUnit(detail.selectedOption.value ?? 'H')}
                        ariaLabel="Reactivate after, unit"
                      />
                    </SpaceBetween>
                  ) : (
                    <SpaceBetween direction="horizontal" size="xs">
                      <DatePicker
                        value={date}
                        onChange={({ detail }) => setDate(detail.value)}
                        placeholder="YYYY/MM/DD"
                        ariaLabel="Reactivation date"
                        openCalendarAriaLabel={(d) => `Choose a date${d ? `, selected ${d}` : ''}`}
                      />
                      <TimeInput
                        value={time}
                        onChange={({ detail }) => setTime(detail.value)}
                        format="hh:mm"
                        placeholder="hh:mm"
                        ariaLabel="Reactivation time"
                      />
                    </SpaceBetween>
                  )}
                </SpaceBetween>
              ) : null}
            </SpaceBetween>
          ) : null}
        </ColumnLayout>
        <Button
          variant="primary"
          onClick={() => put.mutate(undefined)}
          loading={put.isPending}
          disabled={Boolean(blocked)}
          disabledReason={blocked}
        >
          Save status
        </Button>
      </SpaceBetween>
    </Container>
  );
}
