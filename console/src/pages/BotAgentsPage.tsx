import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import Pagination from '@cloudscape-design/components/pagination';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, api, call, type Problem } from '../api/client';
import { CONNECTOR_STATUSES, ENVIRONMENTS } from '../api/options';
import type { BulkConnectorResult, Connector } from '../api/types';
import { useBreadcrumbs } from '../app/App';
import { useSession } from '../app/session';
import { ConfirmModal } from '../components/ConfirmModal';
import { formatTime, labelOf } from '../components/format';
import { EmptyState, LoadError } from '../components/states';
import { useApiMutation } from '../components/useApiMutation';
import { useCursorPages } from '../components/useCursorPages';

type Env = (typeof ENVIRONMENTS)[number];
type Status = (typeof CONNECTOR_STATUSES)[number];

const STATUS_TYPE: Record<Status, StatusIndicatorProps.Type> = {
  online: 'success',
  starting: 'in-progress',
  stopped: 'stopped',
  unhealthy: 'error',
};

export function ConnectorStatus({ status }: { status: Status }) {
  return <StatusIndicator type={STATUS_TYPE[status]}>{labelOf(status)}</StatusIndicator>;
}

const ALL = '__all';

/** Bots Status > Bot Agents: the team's agent connectors, their metrics per environment and their actions. */
export default function BotAgentsPage() {
  const { teamId, reason } = useSession();
  useBreadcrumbs([
    { text: 'Bots Status', href: '/bot-agents' },
    { text: 'Bot Agents', href: '/bot-agents' },
  ]);
  const admin = reason('admin');
  // Production is shown first, as in the seed's Bots Status; metrics follow this filter and no other.
  const [environment, setEnvironment] = useState<Env | typeof ALL>('production');
  const [botId, setBotId] = useState<string>(ALL);
  const [status, setStatus] = useState<Status | typeof ALL>(ALL);
  const [selected, setSelected] = useState<Connector[]>([]);
  const [results, setResults] = useState<Record<string, BulkConnectorResult['results'][number]>>({});
  // The last bulk action's outcome per agent, named as selected: a row deleted meanwhile keeps its line here.
  const [report, setReport] = useState<{ action: string; rows: { name: string; ok: boolean; text: string }[] } | null>(null);
  const [confirm, setConfirm] = useState<'stop' | null>(null);
  const [redeploy, setRedeploy] = useState<{ step: 'choose' | 'confirm'; environment: Env } | null>(null);
  const [open, setOpen] = useState<Connector | null>(null);
  const [creating, setCreating] = useState(false);

  const bots = useQuery({
    queryKey: ['bots', teamId, 'names'],
    queryFn: () => call(api.GET('/api/teams/{teamId}/bots', { params: { path: { teamId }, query: { limit: 100 } } })),
  });
  const botName = (id: string) => bots.data?.find((b) => b.id === id)?.name ?? id;
  const metrics = useQuery({
    queryKey: ['connectors', teamId, 'metrics', environment],
    queryFn: () =>
      call(
        api.GET('/api/teams/{teamId}/connectors/metrics', {
          params: { path: { teamId }, query: environment === ALL ? {} : { environment } },
        }),
      ),
  });
  const filters = {
    ...(environment === ALL ? {} : { environment }),
    ...(botId === ALL ? {} : { botId }),
    ...(status === ALL ? {} : { status }),
  };
  const connectors = useCursorPages<Connector>(['connectors', teamId, 'list', filters], (cursor) =>
    call(
      api.GET('/api/teams/{teamId}/connectors', {
        params: { path: { teamId }, query: { limit: 50, ...filters, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  const invalidate = [['connectors', teamId]];
  // The selection follows the list: fresh statuses after an action, and rows gone from the list unselected.
  useEffect(() => {
    setSelected((sel) => {
      const next = sel.flatMap((s) => connectors.items.filter((c) => c.id === s.id));
      return next.length === sel.length && next.every((c, i) => c === sel[i]) ? sel : next;
    });
  }, [connectors.items]);

  const bulk = useApiMutation({
    mutationFn: (action: 'start' | 'stop' | 'restart') =>
      call(
        api.POST('/api/teams/{teamId}/connectors/actions', {
          params: { path: { teamId } },
          body: { action, connectorIds: selected.map((c) => c.id) },
        }),
      ),
    errorHeader: 'The action failed',
    invalidate,
    success: (r) => {
      const ok = r.results.filter((x) => x.ok).length;
      const verb = { start: 'Started', stop: 'Stopped', restart: 'Restarted' }[r.action];
      return `${verb} ${ok} of ${r.results.length} agents.${ok < r.results.length ? ' See the result of each agent below.' : ''}`;
    },
    onSuccess: (r) => {
      setResults(Object.fromEntries(r.results.map((x) => [x.connectorId, x])));
      const names = new Map(selected.map((c) => [c.id, c.name]));
      setReport({
        action: { start: 'Start Agent', stop: 'Stop Agent', restart: 'Restart Agents' }[r.action],
        rows: r.results.map((x) => ({
          name: names.get(x.connectorId) ?? x.connectorId,
          ok: x.ok,
          text: x.ok ? `Done: ${labelOf(x.status ?? '')}` : (x.error?.detail ?? x.error?.title ?? 'Failed'),
        })),
      });
      setConfirm(null);
    },
    onError: () => setConfirm(null),
  });
  const redeployOne = useApiMutation({
    mutationFn: (env: Env) =>
      call(
        api.POST('/api/teams/{teamId}/connectors/{connectorId}/redeploy', {
          params: { path: { teamId, connectorId: selected[0]?.id ?? '' } },
          body: { environment: env },
        }),
      ),
    errorHeader: 'Could not re-deploy the agent',
    invalidate,
    success: (c) => `Re-deployed "${c.name}" to ${labelOf(c.environment)}. Start the agent when you are ready.`,
    onSuccess: () => setRedeploy(null),
    onError: () => setRedeploy(null),
  });

  const none = selected.length === 0;
  const oneStopped = selected.length === 1 && selected[0]?.status === 'stopped';
  const actionItems = [
    { id: 'restart', text: 'Restart Agents', disabled: none, disabledReason: 'Select one or more agents.' },
    { id: 'start', text: 'Start Agent', disabled: none, disabledReason: 'Select one or more agents.' },
    { id: 'stop', text: 'Stop Agent', disabled: none, disabledReason: 'Select one or more agents.' },
    {
      id: 'redeploy',
      text: 'Re-deploy Agent',
      disabled: !oneStopped,
      disabledReason: selected.length !== 1 ? 'Select one agent.' : 'Stop the agent first: only a stopped agent can be re-deployed.',
    },
  ];

  const envOptions = [{ value: ALL, label: 'All environments' }, ...ENVIRONMENTS.map((e) => ({ value: e, label: labelOf(e) }))];
  const m = metrics.data;

  return (
    <SpaceBetween size="l">
      <Header
        variant="h1"
        description="The agent connectors of your bots: start, stop, restart and re-deploy them, and watch their health."
      >
        Bot Agents
      </Header>
      <Container
        header={
          <Header variant="h2" description="These counts follow the Environment filter only.">
            {`Metrics: ${environment === ALL ? 'all environments' : labelOf(environment)}`}
          </Header>
        }
      >
        {metrics.isError ? (
          <LoadError error={metrics.error} onRetry={() => void metrics.refetch()} />
        ) : (
          <ColumnLayout columns={5} variant="text-grid" minColumnWidth={120}>
            <Metric label="Total" value={m?.total} />
            {CONNECTOR_STATUSES.map((s) => (
              <Metric key={s} label={labelOf(s)} value={m?.counts[s]} />
            ))}
          </ColumnLayout>
        )}
      </Container>
      <Alert type="info" header="Supporting failover">
        In production, deploy at least two agent connectors for each bot, so the second serves if the first goes down. A good baseline is no
        more than 50 concurrent conversations per connector (for example, 4 connectors for 200 concurrent conversations).
      </Alert>
      {report ? (
        <Table
          header={
            <Header variant="h2" actions={<Button onClick={() => setReport(null)}>Dismiss</Button>}>
              {`Results of ${report.action}`}
            </Header>
          }
          items={report.rows}
          ariaLabels={{ tableLabel: `Results of ${report.action}` }}
          trackBy="name"
          columnDefinitions={[
            { id: 'name', header: 'Agent', cell: (r) => r.name, isRowHeader: true },
            {
              id: 'result',
              header: 'Result',
              cell: (r) => <StatusIndicator type={r.ok ? 'success' : 'error'}>{r.text}</StatusIndicator>,
            },
          ]}
        />
      ) : null}
      {botId !== ALL ? <CapacityAlert botId={botId} environment={environment === ALL ? 'production' : environment} /> : null}
      <Table
        items={connectors.items}
        loading={connectors.isPending}
        loadingText="Loading agents"
        trackBy="id"
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        onRowClick={({ detail }) => setOpen(detail.item)}
        isItemDisabled={() => Boolean(admin)}
        ariaLabels={{
          selectionGroupLabel: 'Agent selection',
          allItemsSelectionLabel: () => 'Select all agents on this page',
          itemSelectionLabel: (_s, c) => `Select ${c.name}`,
          tableLabel: 'Agent connectors',
        }}
        header={
          <Header
            variant="h2"
            counter={selected.length ? `(${selected.length} selected)` : undefined}
            description="Click a row to view or edit its agent connector."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <ButtonDropdown
                  items={actionItems}
                  disabled={Boolean(admin)}
                  disabledReason={admin}
                  onItemClick={({ detail }) => {
                    if (detail.id === 'stop') setConfirm('stop');
                    else if (detail.id === 'redeploy')
                      setRedeploy({ step: 'choose', environment: selected[0]?.environment ?? 'production' });
                    else bulk.mutate(detail.id as 'start' | 'restart');
                  }}
                  loading={bulk.isPending}
                >
                  Actions
                </ButtonDropdown>
                <Button onClick={() => setCreating(true)} disabled={Boolean(admin)} disabledReason={admin}>
                  Add agent connector
                </Button>
              </SpaceBetween>
            }
          >
            Custom Connectors
          </Header>
        }
        filter={
          <SpaceBetween direction="horizontal" size="xs">
            <FormField label="Environment">
              <Select
                selectedOption={envOptions.find((o) => o.value === environment) ?? null}
                options={envOptions}
                onChange={({ detail }) => setEnvironment(detail.selectedOption.value as Env)}
                ariaLabel="Environment"
              />
            </FormField>
            <FormField label="Bot">
              <Select
                selectedOption={{ value: botId, label: botId === ALL ? 'All bots' : botName(botId) }}
                options={[{ value: ALL, label: 'All bots' }, ...(bots.data ?? []).map((b) => ({ value: b.id, label: b.name }))]}
                onChange={({ detail }) => setBotId(detail.selectedOption.value ?? ALL)}
                filteringType="auto"
                statusType={bots.isPending ? 'loading' : 'finished'}
                ariaLabel="Bot"
              />
            </FormField>
            <FormField label="Status">
              <Select
                selectedOption={{ value: status, label: status === ALL ? 'All statuses' : labelOf(status) }}
                options={[{ value: ALL, label: 'All statuses' }, ...CONNECTOR_STATUSES.map((s) => ({ value: s, label: labelOf(s) }))]}
                onChange={({ detail }) => setStatus(detail.selectedOption.value as Status)}
                ariaLabel="Status"
              />
            </FormField>
          </SpaceBetween>
        }
        pagination={<Pagination {...connectors.pagination} />}
        empty={<EmptyState title="No agents" description="No agent connector matches these filters." />}
        columnDefinitions={[
          { id: 'name', header: 'Agent', cell: (c) => c.name, isRowHeader: true },
          { id: 'bot', header: 'Bot', cell: (c) => botName(c.botId) },
          { id: 'environment', header: 'Environment', cell: (c) => labelOf(c.environment) },
          { id: 'status', header: 'Status', cell: (c) => <ConnectorStatus status={c.status} /> },
          { id: 'max', header: 'Max conversations', cell: (c) => c.maxConcurrentConversations },
          {
            id: 'lastCheckAt',
            header: 'Last health check',
            cell: (c) =>
              c.lastCheckAt ? `${formatTime(c.lastCheckAt)}${c.lastLatencyMs != null ? ` (${c.lastLatencyMs} ms)` : ''}` : '--',
          },
          {
            id: 'result',
            header: 'Result',
            cell: (c) => {
              const r = results[c.id];
              if (!r) return '--';
              return r.ok ? (
                <StatusIndicator type="success">Done</StatusIndicator>
              ) : (
                <StatusIndicator type="error">{r.error?.detail ?? r.error?.title ?? 'Failed'}</StatusIndicator>
              );
            },
          },
        ]}
      />
      {connectors.isError ? <LoadError error={connectors.error} onRetry={() => void connectors.refetch()} /> : null}
      <ConfirmModal
        visible={confirm === 'stop'}
        header="Stop Agent"
        confirmLabel="Yes"
        cancelLabel="No"
        busy={bulk.isPending}
        onConfirm={() => bulk.mutate('stop')}
        onDismiss={() => setConfirm(null)}
      >
        Stop {selected.length === 1 ? `“${selected[0]?.name}”` : `${selected.length} agents`}? In-progress conversations are left as is
        until the agent is started again.
      </ConfirmModal>
      <Modal
        visible={redeploy?.step === 'choose'}
        header="Re-deploy Agent"
        onDismiss={() => setRedeploy(null)}
        closeAriaLabel="Close dialog"
        footer={
          <Box float="right">
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" onClick={() => setRedeploy(null)}>
                Cancel
              </Button>
              <Button variant="primary" onClick={() => redeploy && setRedeploy({ ...redeploy, step: 'confirm' })}>
                Save Settings
              </Button>
            </SpaceBetween>
          </Box>
        }
      >
        <FormField label="Environment" description={`Move “${selected[0]?.name ?? ''}” to another environment.`}>
          <Select
            selectedOption={redeploy ? { value: redeploy.environment, label: labelOf(redeploy.environment) } : null}
            options={ENVIRONMENTS.map((e) => ({ value: e, label: labelOf(e) }))}
            onChange={({ detail }) => redeploy && setRedeploy({ ...redeploy, environment: detail.selectedOption.value as Env })}
            ariaLabel="Environment"
          />
        </FormField>
      </Modal>
      <ConfirmModal
        visible={redeploy?.step === 'confirm'}
        header="Re-deploy Agent"
        confirmLabel="Yes"
        cancelLabel="No"
        busy={redeployOne.isPending}
        onConfirm={() => redeploy && redeployOne.mutate(redeploy.environment)}
        onDismiss={() => setRedeploy(null)}
      >
        Re-deploy “{selected[0]?.name}” to {redeploy ? labelOf(redeploy.environment) : ''}? Start the agent afterwards.
      </ConfirmModal>
      {open ? <EditConnector connector={open} botName={botName(open.botId)} onClose={() => setOpen(null)} /> : null}
      {creating ? (
        <CreateConnector bots={(bots.data ?? []).map((b) => ({ value: b.id, label: b.name }))} onClose={() => setCreating(false)} />
      ) : null}
    </SpaceBetween>
  );
}

function Metric({ label, value }: { label: string; value: number | undefined }) {
  return (
    <div>
      <Box variant="awsui-key-label">{label}</Box>
      <Box variant="awsui-value-large" data-testid={`metric-${label.toLowerCase()}`}>
        {value ?? '-'}
      </Box>
    </div>
  );
}

function CapacityAlert({ botId, environment }: { botId: string; environment: Env }) {
  const { teamId } = useSession();
  const capacity = useQuery({
    queryKey: ['connectors', teamId, 'capacity', botId, environment],
    queryFn: () =>
      call(
        api.GET('/api/teams/{teamId}/bots/{botId}/connectors/capacity', { params: { path: { teamId, botId }, query: { environment } } }),
      ),
  });
  if (!capacity.data?.warnings.length) return null;
  return (
    <Alert type="warning" header={`Capacity of this bot in ${labelOf(environment)}`}>
      <ul>
        {capacity.data.warnings.map((w) => (
          <li key={w.code}>{w.message}</li>
        ))}
      </ul>
    </Alert>
  );
}

function EditConnector({ connector, botName, onClose }: { connector: Connector; botName: string; onClose: () => void }) {
  const { teamId, reason } = useSession();
  const admin = reason('admin');
  const [form, setForm] = useState({
    name: connector.name,
    healthCheckUrl: connector.healthCheckUrl,
    max: String(connector.maxConcurrentConversations),
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const running = connector.status !== 'stopped' ? 'Stop the agent to edit its connector.' : undefined;
  const history = useCursorPages(['connectors', teamId, 'history', connector.id], (cursor) =>
    call(
      api.GET('/api/teams/{teamId}/connectors/{connectorId}/history', {
        params: { path: { teamId, connectorId: connector.id }, query: { limit: 10, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );
  const save = useApiMutation({
    mutationFn: () =>
      call(
        api.PUT('/api/teams/{teamId}/connectors/{connectorId}', {
          params: { path: { teamId, connectorId: connector.id } },
          body: { name: form.name, healthCheckUrl: form.healthCheckUrl, maxConcurrentConversations: Number(form.max) },
        }),
      ),
    errorHeader: 'Could not save the agent connector',
    success: (c) => `Saved "${c.name}". Restart the agent for the changes to take effect.`,
    invalidate: [['connectors', teamId]],
    onSuccess: onClose,
    onError: (e) => setProblem(e instanceof ApiError ? e.problem : null),
  });
  const errorOf = (p: string) => problem?.errors?.find((e) => e.path === p)?.message;
  const locked = admin ?? running;
  return (
    <Modal
      visible
      size="large"
      header="Edit Agent Connector"
      onDismiss={onClose}
      closeAriaLabel="Close dialog"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onClose}>
              Cancel
            </Button>
            <Button
              variant="primary"
              onClick={() => save.mutate(undefined)}
              loading={save.isPending}
              disabled={Boolean(locked)}
              disabledReason={locked}
            >
              Save
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="l">
        {running ? (
          <Alert type="info">
            This agent is {labelOf(connector.status).toLowerCase()}: stop it to edit its connector, then start it again for the changes to
            take effect.
          </Alert>
        ) : null}
        <ColumnLayout columns={2}>
          <FormField label="Name" errorText={errorOf('name')}>
            <Input
              value={form.name}
              disabled={Boolean(locked)}
              onChange={({ detail }) => setForm({ ...form, name: detail.value })}
              ariaLabel="Name"
            />
          </FormField>
          <FormField label="Bot">
            <Input value={botName} disabled ariaLabel="Bot" />
          </FormField>
          <FormField label="Health check URL" errorText={errorOf('healthCheckUrl')}>
            <Input
              value={form.healthCheckUrl}
              disabled={Boolean(locked)}
              onChange={({ detail }) => setForm({ ...form, healthCheckUrl: detail.value })}
              ariaLabel="Health check URL"
            />
          </FormField>
          <FormField label="Max concurrent conversations" errorText={errorOf('maxConcurrentConversations')}>
            <Input
              type="number"
              value={form.max}
              disabled={Boolean(locked)}
              onChange={({ detail }) => setForm({ ...form, max: detail.value })}
              ariaLabel="Max concurrent conversations"
            />
          </FormField>
        </ColumnLayout>
        <Box>
          Status: <ConnectorStatus status={connector.status} /> · Environment: {labelOf(connector.environment)} · Consecutive failures:{' '}
          {connector.consecutiveFailures}
          {connector.lastError ? ` · Last error: ${connector.lastError}` : ''}
        </Box>
        <Table
          variant="embedded"
          header={<Header variant="h3">Health-check history</Header>}
          items={history.items}
          loading={history.isPending}
          loadingText="Loading history"
          trackBy="id"
          pagination={<Pagination {...history.pagination} />}
          empty={<EmptyState title="No health checks yet" description="The health check runs every minute on started agents." />}
          columnDefinitions={[
            { id: 'at', header: 'When', cell: (e) => formatTime(e.at), isRowHeader: true },
            { id: 'change', header: 'Change', cell: (e) => `${labelOf(e.from)} → ${labelOf(e.to)}` },
            { id: 'latency', header: 'Latency', cell: (e) => (e.latencyMs == null ? '--' : `${e.latencyMs} ms`) },
            { id: 'error', header: 'Error', cell: (e) => e.error ?? '--' },
          ]}
        />
      </SpaceBetween>
    </Modal>
  );
}

function CreateConnector({ bots, onClose }: { bots: { value: string; label: string }[]; onClose: () => void }) {
  const { teamId } = useSession();
  const [form, setForm] = useState({
    botId: bots[0]?.value ?? '',
    name: '',
    environment: 'production' as Env,
    healthCheckUrl: '',
    max: '50',
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const create = useApiMutation({
    mutationFn: () =>
      call(
        api.POST('/api/teams/{teamId}/bots/{botId}/connectors', {
          params: { path: { teamId, botId: form.botId } },
          body: {
            name: form.name,
            environment: form.environment,
            healthCheckUrl: form.healthCheckUrl,
            maxConcurrentConversations: Number(form.max),
          },
        }),
      ),
    errorHeader: 'Could not add the agent connector',
    success: (c) => `Added "${c.name}" (stopped). Start it from the Actions list.`,
    invalidate: [['connectors', teamId]],
    onSuccess: onClose,
    onError: (e) => setProblem(e instanceof ApiError ? e.problem : null),
  });
  const errorOf = (p: string) => problem?.errors?.find((e) => e.path === p)?.message;
  return (
    <ConfirmModal
      visible
      header="Add agent connector"
      onDismiss={onClose}
      onConfirm={() => create.mutate(undefined)}
      busy={create.isPending}
      confirmDisabled={!form.botId}
      confirmLabel="Add"
    >
      <SpaceBetween size="m">
        <FormField label="Bot">
          <Select
            selectedOption={bots.find((b) => b.value === form.botId) ?? null}
            options={bots}
            onChange={({ detail }) => setForm({ ...form, botId: detail.selectedOption.value ?? '' })}
            ariaLabel="Bot"
            empty="Create a bot first"
          />
        </FormField>
        <FormField label="Name" errorText={errorOf('name')}>
          <Input value={form.name} onChange={({ detail }) => setForm({ ...form, name: detail.value })} ariaLabel="Name" />
        </FormField>
        <FormField label="Environment">
          <Select
            selectedOption={{ value: form.environment, label: labelOf(form.environment) }}
            options={ENVIRONMENTS.map((e) => ({ value: e, label: labelOf(e) }))}
            onChange={({ detail }) => setForm({ ...form, environment: detail.selectedOption.value as Env })}
            ariaLabel="Environment"
          />
        </FormField>
        <FormField
          label="Health check URL"
          description="https; botops GETs it every minute while the agent runs."
          errorText={errorOf('healthCheckUrl')}
        >
          <Input
            value={form.healthCheckUrl}
            onChange={({ detail }) => setForm({ ...form, healthCheckUrl: detail.value })}
            ariaLabel="Health check URL"
          />
        </FormField>
        <FormField label="Max concurrent conversations" errorText={errorOf('maxConcurrentConversations')}>
          <Input
            type="number"
            value={form.max}
            onChange={({ detail }) => setForm({ ...form, max: detail.value })}
            ariaLabel="Max concurrent conversations"
          />
        </FormField>
      </SpaceBetween>
    </ConfirmModal>
  );
}
