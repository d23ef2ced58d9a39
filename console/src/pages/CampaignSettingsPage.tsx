import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import DatePicker from '@cloudscape-design/components/date-picker';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import TimeInput from '@cloudscape-design/components/time-input';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api, call, type Problem } from '../api/client';
import { WEEKDAYS } from '../api/options';
import type { Campaign, Weekday } from '../api/types';
import { useBreadcrumbs } from '../app/App';
import { useSession } from '../app/session';
import { timeZoneOptions } from '../components/bot/timezones';
import {
  DAY_LABEL,
  DURATION_UNITS,
  type DurationUnit,
  joinDuration,
  RETRY_OUTCOMES,
  type RetryOutcome,
  splitDuration,
} from '../components/campaign/settings';
import { useCampaign } from '../components/campaign/useCampaign';
import { Loading, LoadError } from '../components/states';
import { useApiMutation } from '../components/useApiMutation';
import { editBlock } from './CampaignDetailPage';

type Retry = { amount: string; unit: DurationUnit };

/** The form's values: text as typed, turned into the API's shapes on save. */
type Draft = {
  name: string;
  fromNumber: string;
  days: Weekday[];
  start: string;
  end: string;
  defaultTimezone: string;
  maxConcurrentCalls: string;
  maxAttempts: string;
  retry: Record<RetryOutcome, Retry>;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the viewer's local date (`YYYY-MM-DD`) and time (`HH:MM`), the way DatePicker and TimeInput take them. */
function localParts(iso: string | null): [string, string] {
  if (!iso) return ['', ''];
  const d = new Date(iso);
  return [`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, `${pad(d.getHours())}:${pad(d.getMinutes())}`];
}

/** A local date and time back to an ISO instant (UTC); empty date: none. An unreadable one goes as typed for the API to name. */
function instantOf(date: string, time: string): string | null {
  if (!date) return null;
  const d = new Date(`${date}T${time || '00:00'}`);
  return Number.isNaN(d.getTime()) ? `${date}T${time}` : d.toISOString();
}

function draftOf(c: Campaign): Draft {
  const [startDate, startTime] = localParts(c.startAt);
  const [endDate, endTime] = localParts(c.endAt);
  const retry = Object.fromEntries(
    RETRY_OUTCOMES.map(([o]) => {
      const iso = c.retry[o];
      return [o, iso === null ? { amount: '', unit: 'M' } : (splitDuration(iso) ?? { amount: '', unit: 'M' })];
    }),
  ) as Record<RetryOutcome, Retry>;
  return {
    name: c.name,
    fromNumber: c.fromNumber ?? '',
    days: [...c.callingWindow.days],
    start: c.callingWindow.start,
    end: c.callingWindow.end,
    defaultTimezone: c.defaultTimezone ?? '',
    maxConcurrentCalls: String(c.maxConcurrentCalls),
    maxAttempts: String(c.maxAttempts),
    retry,
    startDate,
    startTime,
    endDate,
    endTime,
  };
}

/** A number as typed; what is not one goes as text so the API names the field. */
const numberOf = (v: string) => (v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : (v as unknown as number));

/** The PATCH body: only what differs from the campaign as read (absent fields stay as they are). */
function patchOf(c: Campaign, d: Draft) {
  const next = {
    name: d.name,
    fromNumber: d.fromNumber || null,
    callingWindow: { days: WEEKDAYS.filter((w) => d.days.includes(w)), start: d.start, end: d.end },
    defaultTimezone: d.defaultTimezone || null,
    maxConcurrentCalls: numberOf(d.maxConcurrentCalls),
    maxAttempts: numberOf(d.maxAttempts),
    retry: Object.fromEntries(
      RETRY_OUTCOMES.map(([o]) => [o, d.retry[o].amount.trim() ? joinDuration(d.retry[o].amount, d.retry[o].unit) : null]),
    ) as Campaign['retry'],
    startAt: instantOf(d.startDate, d.startTime),
    endAt: instantOf(d.endDate, d.endTime),
  };
  const before: Record<string, unknown> = c;
  return Object.fromEntries(
    Object.entries(next).filter(([k, v]) => {
      if (k === 'startAt' || k === 'endAt')
        return v === null ? before[k] !== null : Date.parse(String(v)) !== Date.parse(String(before[k]));
      return JSON.stringify(v) !== JSON.stringify(before[k]);
    }),
  ) as Partial<typeof next>;
}

const UNIT_OPTIONS = DURATION_UNITS.map(([value, label]) => ({ value, label }));

/** Edit a stopped campaign's name and dialling settings (`PATCH` with `If-Match`): errors show at their fields. */
export default function CampaignSettingsPage() {
  const { campaignId = '' } = useParams();
  const { teamId } = useSession();
  const campaign = useCampaign(teamId, campaignId);
  useBreadcrumbs([
    { text: 'Campaigns', href: '/campaigns' },
    { text: campaign.data?.campaign.name ?? campaignId, href: `/campaigns/${campaignId}` },
    { text: 'Edit settings', href: `/campaigns/${campaignId}/edit` },
  ]);
  if (campaign.isPending) return <Loading text="Loading campaign" />;
  if (campaign.isError)
    return <LoadError header="Could not load this campaign" error={campaign.error} onRetry={() => void campaign.refetch()} />;
  return <SettingsForm campaign={campaign.data.campaign} etag={campaign.data.etag} />;
}

function SettingsForm({ campaign: latest, etag: latestEtag }: { campaign: Campaign; etag: string | null }) {
  const { teamId } = useSession();
  const navigate = useNavigate();
  // The form edits the version it was opened on: a change saved meanwhile elsewhere makes the save a 412, not a silent overwrite.
  const [[c, etag]] = useState(() => [latest, latestEtag] as const);
  const [d, setD] = useState<Draft>(() => draftOf(c));
  const [problem, setProblem] = useState<Problem | null>(null);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((old) => ({ ...old, [k]: v }));
  const errorAt = (...paths: string[]) => {
    const found = problem?.errors?.filter((e) => paths.some((p) => e.path === p || e.path.startsWith(`${p}.`)));
    return found?.length ? found.map((e) => e.message).join('; ') : undefined;
  };
  const numbers = useQuery({
    queryKey: ['phone-numbers', teamId, 'all'],
    queryFn: () => call(api.GET('/api/teams/{teamId}/phone-numbers', { params: { path: { teamId }, query: { limit: 100 } } })),
  });
  const callerIds = [
    { value: '', label: 'None', description: 'The telephony provider’s default caller id' },
    ...(numbers.data?.items ?? []).filter((n) => n.botId === c.botId).map((n) => ({ value: n.number, label: n.number })),
  ];
  if (c.fromNumber && !callerIds.some((o) => o.value === c.fromNumber)) callerIds.push({ value: c.fromNumber, label: c.fromNumber });
  const zones = [{ value: '', label: 'The bot’s time zone' }, ...timeZoneOptions()];
  const blocked = editBlock(c);
  const save = useApiMutation({
    mutationFn: () =>
      call(
        api.PATCH('/api/teams/{teamId}/campaigns/{campaignId}', {
          params: { path: { teamId, campaignId: c.id } },
          body: patchOf(c, d),
          headers: etag ? { 'If-Match': etag } : {},
        }),
      ),
    errorHeader: 'Could not save the settings',
    success: (saved) => `Saved the settings of "${saved.name}".`,
    invalidate: [
      ['campaign', teamId, c.id],
      ['campaigns', teamId],
    ],
    onSuccess: () => navigate(`/campaigns/${c.id}`),
    onError: (e) => setProblem(e instanceof ApiError ? e.problem : null),
  });
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(undefined);
      }}
    >
      <Form
        header={
          <Header variant="h1" description="Changes apply from the next start; a running campaign must be stopped first.">
            Edit settings of {c.name}
          </Header>
        }
        errorText={problem?.errors?.length ? 'Some fields need a change: see the messages below.' : undefined}
        errorIconAriaLabel="Error"
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={() => navigate(`/campaigns/${c.id}`)}>
              Cancel
            </Button>
            <Button variant="primary" loading={save.isPending} disabled={Boolean(blocked)} disabledReason={blocked}>
              Save changes
            </Button>
          </SpaceBetween>
        }
      >
        <SpaceBetween size="l">
          {blocked ? <Alert type="info">{blocked}</Alert> : null}
          <Container header={<Header variant="h2">General</Header>}>
            <SpaceBetween size="l">
              <FormField label="Name" errorText={errorAt('name')}>
                <Input value={d.name} onChange={({ detail }) => set('name', detail.value)} ariaLabel="Name" />
              </FormField>
              <FormField
                label="Caller id"
                description="One of the team’s phone numbers mapped to this campaign’s bot."
                errorText={errorAt('fromNumber')}
              >
                <Select
                  selectedOption={callerIds.find((o) => o.value === d.fromNumber) ?? null}
                  options={callerIds}
                  onChange={({ detail }) => set('fromNumber', detail.selectedOption.value ?? '')}
                  statusType={numbers.isPending ? 'loading' : 'finished'}
                  loadingText="Loading phone numbers"
                  ariaLabel="Caller id"
                />
              </FormField>
            </SpaceBetween>
          </Container>
          <Container
            header={
              <Header variant="h2" description="Contacts are called only inside this window, in their own time zone.">
                Calling window
              </Header>
            }
          >
            <SpaceBetween size="l">
              <FormField label="Days" errorText={errorAt('callingWindow.days')}>
                <SpaceBetween direction="horizontal" size="m">
                  {WEEKDAYS.map((w) => (
                    <Checkbox
                      key={w}
                      checked={d.days.includes(w)}
                      onChange={({ detail }) => set('days', detail.checked ? [...d.days, w] : d.days.filter((x) => x !== w))}
                    >
                      {DAY_LABEL[w]}
                    </Checkbox>
                  ))}
                </SpaceBetween>
              </FormField>
              <ColumnLayout columns={3}>
                <FormField label="From" constraintText="24-hour HH:MM" errorText={errorAt('callingWindow.start')}>
                  <TimeInput
                    value={d.start}
                    onChange={({ detail }) => set('start', detail.value)}
                    format="hh:mm"
                    placeholder="hh:mm"
                    ariaLabel="From"
                  />
                </FormField>
                <FormField label="Until" constraintText="24-hour HH:MM, after From" errorText={errorAt('callingWindow.end')}>
                  <TimeInput
                    value={d.end}
                    onChange={({ detail }) => set('end', detail.value)}
                    format="hh:mm"
                    placeholder="hh:mm"
                    ariaLabel="Until"
                  />
                </FormField>
                <FormField label="Default time zone" description="For contacts added without one." errorText={errorAt('defaultTimezone')}>
                  <Select
                    selectedOption={
                      zones.find((z) => z.value === d.defaultTimezone) ?? { value: d.defaultTimezone, label: d.defaultTimezone }
                    }
                    options={zones}
                    filteringType="auto"
                    onChange={({ detail }) => set('defaultTimezone', detail.selectedOption.value ?? '')}
                    ariaLabel="Default time zone"
                    virtualScroll
                  />
                </FormField>
              </ColumnLayout>
            </SpaceBetween>
          </Container>
          <Container header={<Header variant="h2">Pacing and retries</Header>}>
            <SpaceBetween size="l">
              <ColumnLayout columns={2}>
                <FormField
                  label="Max concurrent calls"
                  constraintText="1 to 100; the team’s ceiling applies too."
                  errorText={errorAt('maxConcurrentCalls')}
                >
                  <Input
                    type="number"
                    inputMode="numeric"
                    value={d.maxConcurrentCalls}
                    onChange={({ detail }) => set('maxConcurrentCalls', detail.value)}
                    ariaLabel="Max concurrent calls"
                  />
                </FormField>
                <FormField label="Max attempts per contact" constraintText="1 to 10" errorText={errorAt('maxAttempts')}>
                  <Input
                    type="number"
                    inputMode="numeric"
                    value={d.maxAttempts}
                    onChange={({ detail }) => set('maxAttempts', detail.value)}
                    ariaLabel="Max attempts per contact"
                  />
                </FormField>
              </ColumnLayout>
              <ColumnLayout columns={4}>
                {RETRY_OUTCOMES.map(([o, label]) => (
                  <FormField
                    key={o}
                    label={`Retry after ${label.toLowerCase()}`}
                    constraintText="Empty: no retry"
                    errorText={errorAt(`retry.${o}`)}
                  >
                    <Grid gridDefinition={[{ colspan: 5 }, { colspan: 7 }]}>
                      <Input
                        type="number"
                        inputMode="numeric"
                        value={d.retry[o].amount}
                        onChange={({ detail }) => set('retry', { ...d.retry, [o]: { ...d.retry[o], amount: detail.value } })}
                        ariaLabel={`Retry after ${label.toLowerCase()}: amount`}
                      />
                      <Select
                        selectedOption={UNIT_OPTIONS.find((u) => u.value === d.retry[o].unit) ?? null}
                        options={UNIT_OPTIONS}
                        onChange={({ detail }) =>
                          set('retry', { ...d.retry, [o]: { ...d.retry[o], unit: (detail.selectedOption.value ?? 'M') as DurationUnit } })
                        }
                        ariaLabel={`Retry after ${label.toLowerCase()}: unit`}
                      />
                    </Grid>
                  </FormField>
                ))}
              </ColumnLayout>
            </SpaceBetween>
          </Container>
          <Container
            header={
              <Header variant="h2" description={`Your local time (${tz}). Leave a date empty for no bound.`}>
                Schedule
              </Header>
            }
          >
            <ColumnLayout columns={2}>
              <FormField label="Start at" description="No call before this." errorText={errorAt('startAt')}>
                <SpaceBetween direction="horizontal" size="xs">
                  <DatePicker
                    value={d.startDate}
                    onChange={({ detail }) => set('startDate', detail.value)}
                    placeholder="YYYY/MM/DD"
                    ariaLabel="Start date"
                    openCalendarAriaLabel={(s) => `Choose the start date${s ? `, selected ${s}` : ''}`}
                  />
                  <TimeInput
                    value={d.startTime}
                    onChange={({ detail }) => set('startTime', detail.value)}
                    format="hh:mm"
                    placeholder="hh:mm"
                    ariaLabel="Start time"
                  />
                </SpaceBetween>
              </FormField>
              <FormField label="End at" description="No call from this on; then the campaign completes." errorText={errorAt('endAt')}>
                <SpaceBetween direction="horizontal" size="xs">
                  <DatePicker
                    value={d.endDate}
                    onChange={({ detail }) => set('endDate', detail.value)}
                    placeholder="YYYY/MM/DD"
                    ariaLabel="End date"
                    openCalendarAriaLabel={(s) => `Choose the end date${s ? `, selected ${s}` : ''}`}
                  />
                  <TimeInput
                    value={d.endTime}
                    onChange={({ detail }) => set('endTime', detail.value)}
                    format="hh:mm"
                    placeholder="hh:mm"
                    ariaLabel="End time"
                  />
                </SpaceBetween>
              </FormField>
            </ColumnLayout>
          </Container>
        </SpaceBetween>
      </Form>
    </form>
  );
}
