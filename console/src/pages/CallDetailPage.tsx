import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, call } from '../api/client';
import { useBreadcrumbs } from '../app/App';
import { useSession } from '../app/session';
import { formatTime, labelOf } from '../components/format';
import { EmptyState, Loading, LoadError } from '../components/states';
import { CallStatus } from './CallsPage';

function Json({ value }: { value: unknown }) {
  if (value == null) return <Box color="text-body-secondary">None yet.</Box>;
  return (
    <Box variant="pre" fontSize="body-s">
      <Box variant="code">{JSON.stringify(value, null, 2)}</Box>
    </Box>
  );
}

/** One call: its events, result, analysis, QC and post-call push attempts. */
export default function CallDetailPage() {
  const { callId = '' } = useParams();
  const { teamId } = useSession();
  const c = useQuery({
    queryKey: ['call', teamId, callId],
    queryFn: () => call(api.GET('/api/teams/{teamId}/calls/{callId}', { params: { path: { teamId, callId } } })),
  });
  useBreadcrumbs([
    { text: 'Bots', href: '/bots' },
    ...(c.data ? [{ text: 'Calls', href: `/bots/${c.data.botId}/calls` }] : []),
    { text: callId, href: `/calls/${callId}` },
  ]);
  if (c.isPending) return <Loading text="Loading call" />;
  if (c.isError) return <LoadError header="Could not load this call" error={c.error} onRetry={() => void c.refetch()} />;
  const x = c.data;
  return (
    <ContentLayout header={<Header variant="h1" info={<CallStatus status={x.status} />}>{`Call to ${x.to}`}</Header>}>
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Summary</Header>}>
          <KeyValuePairs
            columns={4}
            items={[
              { label: 'Call id', value: x.id },
              { label: 'From', value: x.from ?? '--' },
              { label: 'Queued', value: formatTime(x.queuedAt) },
              { label: 'Ended', value: formatTime(x.endedAt) },
            ]}
          />
        </Container>
        <Table
          header={<Header variant="h2">Events</Header>}
          items={x.events}
          trackBy={(e) => `${e.type}-${e.at}`}
          empty={<EmptyState title="No events yet" />}
          columnDefinitions={[
            { id: 'at', header: 'When', cell: (e) => formatTime(e.at), isRowHeader: true },
            { id: 'type', header: 'Event', cell: (e) => labelOf(e.type) },
          ]}
        />
        <Container header={<Header variant="h2">Result</Header>}>
          <Json value={x.result} />
        </Container>
        <Container header={<Header variant="h2">Analysis</Header>}>
          <Json value={x.analysis} />
        </Container>
        <Container header={<Header variant="h2">QC</Header>}>
          <Json value={x.qc} />
        </Container>
        <Table
          header={
            <Header
              variant="h2"
              description={x.push ? `${labelOf(x.push.status)} · ${x.push.url}` : 'No post-call push is configured for this bot.'}
            >
              Post-call push attempts
            </Header>
          }
          items={x.push?.attempts ?? []}
          trackBy="attempt"
          empty={<EmptyState title="No attempts" />}
          columnDefinitions={[
            { id: 'attempt', header: 'Attempt', cell: (a) => a.attempt, isRowHeader: true },
            { id: 'at', header: 'When', cell: (a) => formatTime(a.at) },
            { id: 'status', header: 'HTTP status', cell: (a) => a.statusCode ?? '--' },
            { id: 'error', header: 'Error', cell: (a) => a.error ?? '--' },
            { id: 'ms', header: 'Duration', cell: (a) => `${Math.round(a.durationMs)} ms` },
          ]}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
