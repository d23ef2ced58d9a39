import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { ApiError, api, call, type Problem } from '../api/client';
import type { DncEntry } from '../api/types';
import { useBreadcrumbs } from '../app/App';
import { useSession } from '../app/session';
import { ConfirmModal } from '../components/ConfirmModal';
import { formatTime } from '../components/format';
import { EmptyState, LoadError } from '../components/states';
import { useApiMutation } from '../components/useApiMutation';
import { useCursorPages } from '../components/useCursorPages';

/** The team's do-not-call list: no campaign or dialout calls a number on it. Admins change it; members read it. */
export default function DncPage() {
  const { teamId, reason } = useSession();
  const admin = reason('admin');
  useBreadcrumbs([
    { text: 'Team', href: '/team' },
    { text: 'Do-not-call list', href: '/team/dnc' },
  ]);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<DncEntry | null>(null);
  const entries = useCursorPages<DncEntry>(['dnc', teamId], (cursor) =>
    call(api.GET('/api/teams/{teamId}/dnc', { params: { path: { teamId }, query: { limit: 25, ...(cursor ? { cursor } : {}) } } })),
  );
  const remove = useApiMutation({
    mutationFn: (e: DncEntry) => call(api.DELETE('/api/teams/{teamId}/dnc/{number}', { params: { path: { teamId, number: e.number } } })),
    errorHeader: 'Could not remove the number',
    success: (_d, e) => `Removed ${e.number} from the do-not-call list. Campaigns may call it again.`,
    invalidate: [['dnc', teamId]],
    onSuccess: () => setRemoving(null),
    onError: () => setRemoving(null),
  });
  if (entries.isError && !entries.data) return <LoadError error={entries.error} onRetry={() => void entries.refetch()} />;
  return (
    <SpaceBetween size="l">
      {admin ? (
        <Alert type="info" header="Read only">
          {admin} Ask an admin to add or remove numbers.
        </Alert>
      ) : null}
      <Table
        variant="full-page"
        items={entries.items}
        loading={entries.isPending}
        loadingText="Loading the do-not-call list"
        trackBy="number"
        ariaLabels={{ tableLabel: 'Do-not-call list' }}
        header={
          <Header
            variant="awsui-h1-sticky"
            description="No campaign or dialout calls these numbers; a campaign contact on the list is skipped."
            actions={
              <Button variant="primary" onClick={() => setAdding(true)} disabled={Boolean(admin)} disabledReason={admin}>
                Add numbers
              </Button>
            }
          >
            Do-not-call list
          </Header>
        }
        pagination={<Pagination {...entries.pagination} />}
        empty={<EmptyState title="No numbers" description="Numbers added here are never called." />}
        columnDefinitions={[
          { id: 'number', header: 'Number', cell: (e) => e.number, isRowHeader: true },
          { id: 'reason', header: 'Reason', cell: (e) => e.reason ?? '--' },
          { id: 'addedAt', header: 'Added at', cell: (e) => formatTime(e.addedAt) },
          { id: 'addedBy', header: 'Added by', cell: (e) => e.addedBy },
          {
            id: 'actions',
            header: 'Actions',
            cell: (e) => (
              <Button
                variant="inline-link"
                onClick={() => setRemoving(e)}
                ariaLabel={`Remove ${e.number}`}
                disabled={Boolean(admin)}
                disabledReason={admin}
              >
                Remove
              </Button>
            ),
          },
        ]}
      />
      {adding ? <AddNumbers onClose={() => setAdding(false)} /> : null}
      <ConfirmModal
        visible={Boolean(removing)}
        header="Remove from the do-not-call list"
        confirmLabel="Remove"
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        onDismiss={() => setRemoving(null)}
      >
        Remove {removing?.number} from the do-not-call list? Campaigns and dialouts may call it again.
      </ConfirmModal>
    </SpaceBetween>
  );
}

/** `numbers[3]` -> `Line 4`: the API names a bad number by its index, a person by its line. */
function lineErrors(problem: Problem | null, lines: string[]): string | undefined {
  const found = problem?.errors?.filter((e) => e.path === 'numbers' || e.path.startsWith('numbers['));
  if (!found?.length) return undefined;
  return found
    .map((e) => {
      const i = /^numbers\[(\d+)\]/.exec(e.path)?.[1];
      return i === undefined ? e.message : `Line ${Number(i) + 1} (${lines[Number(i)] ?? ''}): ${e.message}`;
    })
    .join('; ');
}

function AddNumbers({ onClose }: { onClose: () => void }) {
  const { teamId } = useSession();
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const numbers = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const add = useApiMutation({
    mutationFn: () =>
      call(api.POST('/api/teams/{teamId}/dnc', { params: { path: { teamId } }, body: { numbers, reason: reason.trim() || null } })),
    errorHeader: 'Could not add the numbers',
    success: (r) =>
      `Added ${r.added} number${r.added === 1 ? '' : 's'} to the do-not-call list${
        r.added < numbers.length ? ` (${numbers.length - r.added} already on it or repeated)` : ''
      }.`,
    invalidate: [['dnc', teamId]],
    onSuccess: onClose,
    onError: (e) => setProblem(e instanceof ApiError ? e.problem : null),
  });
  return (
    <ConfirmModal
      visible
      header="Add numbers to the do-not-call list"
      onDismiss={onClose}
      onConfirm={() => add.mutate(undefined)}
      busy={add.isPending}
      confirmDisabled={!numbers.length}
      confirmLabel="Add numbers"
    >
      <SpaceBetween size="m">
        <FormField
          label="Numbers"
          description="One per line, E.164, e.g. +14155550123 (up to 1,000)."
          errorText={lineErrors(problem, numbers)}
        >
          <Textarea value={text} onChange={({ detail }) => setText(detail.value)} rows={6} ariaLabel="Numbers, one per line" />
        </FormField>
        <FormField
          label="Reason"
          description="Optional, e.g. asked us to stop."
          errorText={problem?.errors?.find((e) => e.path === 'reason')?.message}
        >
          <Input value={reason} onChange={({ detail }) => setReason(detail.value)} ariaLabel="Reason" />
        </FormField>
      </SpaceBetween>
    </ConfirmModal>
  );
}
