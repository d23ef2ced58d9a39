import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import DateRangePicker, { type DateRangePickerProps } from '@cloudscape-design/components/date-range-picker';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, call } from '../api/client';
import { AUDIT_MODULES } from '../api/options';
import type { AuditEvent } from '../api/types';
import { useBreadcrumbs } from '../app/App';
import { useNotify } from '../app/flash';
import { useFollow } from '../app/links';
import { useSession } from '../app/session';
import { formatTime, labelOf } from '../components/format';
import { EmptyState, LoadError } from '../components/states';
import { useApiMutation } from '../components/useApiMutation';
import { useBotNames } from '../components/useBotNames';
import { useCursorPages } from '../components/useCursorPages';

type Module = (typeof AUDIT_MODULES)[number];
const ALL = '__all';

/** Absolute start/end of the picker's range (a relative range ends now). */
function rangeOf(value: DateRangePickerProps.Value | null): { from?: string; to?: string } {
  if (!value) return {};
  if (value.type === 'absolute') return { from: new Date(value.startDate).toISOString(), to: new Date(value.endDate).toISOString() };
  const unitMs = { second: 1e3, minute: 6e4, hour: 36e5, day: 864e5, week: 6048e5, month: 2592e6, year: 31536e6 }[value.unit];
  const now = Date.now();
  return { from: new Date(now - value.amount * unitMs).toISOString(), to: new Date(now).toISOString() };
}

/** A changed value as JSON, cut to what a table cell can show (the CSV has it whole). */
function short(v: unknown): string {
  const json = JSON.stringify(v) ?? '∅';
  return json.length > 28 ? `${json.slice(0, 27)}…` : json;
}

function changesOf(e: AuditEvent): string {
  const keys = Object.keys(e.changes);
  if (!keys.length) return '--';
  return keys
    .slice(0, 4)
    .map((k) => {
      const { before, after } = e.changes[k] ?? {};
      return `${k}: ${short(before)} → ${short(after)}`;
    })
    .join('; ')
    .concat(keys.length > 4 ? ` (+${keys.length - 4} more)` : '');
}

/** Every change made in the team, who made it and when; filters, and the whole filtered log as CSV. */
export default function AuditLogsPage() {
  const { teamId, reason } = useSession();
  const follow = useFollow();
  const notify = useNotify();
  const bots = useBotNames();
  useBreadcrumbs([{ text: 'Audit logs', href: '/audit-logs' }]);
  const admin = reason('admin');
  const [module, setModule] = useState<Module | typeof ALL>(ALL);
  const [action, setAction] = useState('');
  const [actorEmail, setActorEmail] = useState('');
  const [botId, setBotId] = useState<string>(ALL);
  const [range, setRange] = useState<DateRangePickerProps.Value | null>(null);
  const [applied, setApplied] = useState<Record<string, string>>({});
  const [exportId, setExportId] = useState<string | null>(null);
  const downloaded = useRef<string | null>(null);

  const apply = () =>
    setApplied({
      ...(module === ALL ? {} : { module }),
      ...(action.trim() ? { action: action.trim() } : {}),
      ...(actorEmail.trim() ? { actorEmail: actorEmail.trim() } : {}),
      ...(botId === ALL ? {} : { botId }),
      ...rangeOf(range),
    });
  const logs = useCursorPages<AuditEvent>(['audit', teamId, applied], (cursor) =>
    call(
      api.GET('/api/teams/{teamId}/audit-logs', {
        params: { path: { teamId }, query: { limit: 50, ...(applied as { module?: Module }), ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  const start = useApiMutation({
    mutationFn: () =>
      call(api.POST('/api/teams/{teamId}/audit-logs/exports', { params: { path: { teamId } }, body: applied as { module?: Module } })),
    errorHeader: 'Could not start the CSV export',
    onSuccess: (r) => setExportId(r.exportId),
  });
  const job = useQuery({
    queryKey: ['audit-export', teamId, exportId],
    enabled: Boolean(exportId),
    queryFn: () =>
      call(api.GET('/api/teams/{teamId}/audit-logs/exports/{exportId}', { params: { path: { teamId, exportId: exportId ?? '' } } })),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'succeeded' || q.state.data.status === 'failed') ? false : 1000),
  });
  const status = job.data?.status;
  useEffect(() => {
    if (status === 'succeeded' && job.data?.downloadUrl && downloaded.current !== job.data.exportId) {
      downloaded.current = job.data.exportId;
      download(job.data.downloadUrl, `audit-log-${job.data.exportId}.csv`);
      notify.success(`Audit log exported: ${job.data.rowCount} rows.`);
    }
    if (status === 'failed' && downloaded.current !== `failed:${job.data?.exportId}`) {
      downloaded.current = `failed:${job.data?.exportId}`;
      notify.error('The CSV export failed', new Error(job.data?.reason ?? 'The export did not finish.'));
    }
  }, [status, job.data, notify]);
  const exporting = start.isPending || (Boolean(exportId) && status !== 'succeeded' && status !== 'failed');

  if (admin)
    return (
      <SpaceBetween size="l">
        <Header variant="h1">Audit logs</Header>
        <Box color="text-status-inactive">{admin} Ask an admin for the audit log.</Box>
      </SpaceBetween>
    );
  if (logs.isError && !logs.data) return <LoadError error={logs.error} onRetry={() => void logs.refetch()} />;
  return (
    <Table
      variant="full-page"
      items={logs.items}
      loading={logs.isPending}
      loadingText="Loading audit logs"
      trackBy="id"
      wrapLines
      header={
        <Header
          variant="awsui-h1-sticky"
          description="A record of the changes made to each module: who made them and when."
          actions={
            <SpaceBetween direction="horizontal" size="xs" alignItems="center">
              {exportId ? <ExportProgress status={status} rowCount={job.data?.rowCount ?? 0} url={job.data?.downloadUrl} /> : null}
              <Button iconName="download" onClick={() => start.mutate(undefined)} loading={exporting} disabled={exporting}>
                Download CSV
              </Button>
            </SpaceBetween>
          }
        >
          Audit logs
        </Header>
      }
      filter={
        <form
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <SpaceBetween direction="horizontal" size="xs" alignItems="end">
            <FormField label="Module">
              <Select
                selectedOption={{ value: module, label: module === ALL ? 'All modules' : labelOf(module) }}
                options={[{ value: ALL, label: 'All modules' }, ...AUDIT_MODULES.map((m) => ({ value: m, label: labelOf(m) }))]}
                onChange={({ detail }) => setModule(detail.selectedOption.value as Module)}
                ariaLabel="Module"
              />
            </FormField>
            <FormField label="Action">
              <Input value={action} onChange={({ detail }) => setAction(detail.value)} placeholder="e.g. update" ariaLabel="Action" />
            </FormField>
            <FormField label="Member email">
              <Input
                value={actorEmail}
                onChange={({ detail }) => setActorEmail(detail.value)}
                placeholder="name@example.com"
                ariaLabel="Member email"
              />
            </FormField>
            <FormField label="Bot">
              <Select
                selectedOption={{ value: botId, label: botId === ALL ? 'All bots' : bots.nameOf(botId) }}
                options={[{ value: ALL, label: 'All bots' }, ...bots.options]}
                onChange={({ detail }) => setBotId(detail.selectedOption.value ?? ALL)}
                filteringType="auto"
                ariaLabel="Bot"
              />
            </FormField>
            <FormField label="Date range">
              <DateRangePicker
                value={range}
                onChange={({ detail }) => setRange(detail.value)}
                relativeOptions={[
                  { key: 'h1', amount: 1, unit: 'hour', type: 'relative' },
                  { key: 'd1', amount: 1, unit: 'day', type: 'relative' },
                  { key: 'w1', amount: 1, unit: 'week', type: 'relative' },
                  { key: 'm1', amount: 1, unit: 'month', type: 'relative' },
                ]}
                isValidRange={() => ({ valid: true })}
                placeholder="Any time"
                i18nStrings={{ ariaLabel: 'Date range' }}
              />
            </FormField>
            <Button formAction="submit">Apply filters</Button>
          </SpaceBetween>
        </form>
      }
      pagination={<Pagination {...logs.pagination} />}
      empty={<EmptyState title="No audit events" description="No change matches these filters." />}
      columnDefinitions={[
        { id: 'at', header: 'When', cell: (e) => formatTime(e.at), isRowHeader: true, width: 130 },
        { id: 'actor', header: 'Member', cell: (e) => `${e.actorEmail} (${labelOf(e.actorRole)})`, width: 200 },
        { id: 'module', header: 'Module', cell: (e) => labelOf(e.module), width: 110 },
        { id: 'action', header: 'Action', cell: (e) => e.action, width: 110 },
        {
          id: 'bot',
          header: 'Bot',
          width: 130,
          cell: (e) =>
            e.botId ? (
              <Link href={`/bots/${e.botId}`} onFollow={follow}>
                {bots.nameOf(e.botId)}
              </Link>
            ) : (
              '--'
            ),
        },
        { id: 'changes', header: 'Changes', cell: changesOf, minWidth: 260 },
      ]}
    />
  );
}

function ExportProgress({ status, rowCount, url }: { status: string | undefined; rowCount: number; url: string | undefined }) {
  if (status === 'succeeded')
    return (
      <StatusIndicator type="success">
        {rowCount} rows exported.{' '}
        {url ? (
          <Link href={url} external externalIconAriaLabel="(opens the file)">
            Download again
          </Link>
        ) : null}
      </StatusIndicator>
    );
  if (status === 'failed') return <StatusIndicator type="error">Export failed</StatusIndicator>;
  return <StatusIndicator type="loading">{`Exporting: ${rowCount} rows so far`}</StatusIndicator>;
}

function download(url: string, name: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}
