import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { ApiError, api, call, type Problem } from '../api/client';
import type { PhoneNumber } from '../api/types';
import { useBreadcrumbs } from '../app/App';
import { useFollow } from '../app/links';
import { useSession } from '../app/session';
import { ConfirmModal } from '../components/ConfirmModal';
import { formatTime } from '../components/format';
import { EmptyState, LoadError } from '../components/states';
import { useApiMutation } from '../components/useApiMutation';
import { useBotNames } from '../components/useBotNames';
import { useCursorPages } from '../components/useCursorPages';

/** Phone numbers (DID mappings): each number routes to one bot. */
export default function PhoneNumbersPage() {
  const { teamId } = useSession();
  const follow = useFollow();
  const bots = useBotNames();
  useBreadcrumbs([{ text: 'Phone numbers', href: '/phone-numbers' }]);
  const [adding, setAdding] = useState(false);
  const [releasing, setReleasing] = useState<PhoneNumber | null>(null);
  const numbers = useCursorPages<PhoneNumber>(['phone-numbers', teamId], (cursor) =>
    call(
      api.GET('/api/teams/{teamId}/phone-numbers', { params: { path: { teamId }, query: { limit: 25, ...(cursor ? { cursor } : {}) } } }),
    ),
  );
  const release = useApiMutation({
    mutationFn: (n: PhoneNumber) =>
      call(api.DELETE('/api/teams/{teamId}/phone-numbers/{number}', { params: { path: { teamId, number: n.number } } })),
    errorHeader: 'Could not release the number',
    success: (_d, n) => `Released ${n.number}.`,
    invalidate: [['phone-numbers', teamId]],
    onSuccess: () => setReleasing(null),
    onError: () => setReleasing(null),
  });
  if (numbers.isError && !numbers.data) return <LoadError error={numbers.error} onRetry={() => void numbers.refetch()} />;
  return (
    <>
      <Table
        variant="full-page"
        items={numbers.items}
        loading={numbers.isPending}
        loadingText="Loading phone numbers"
        trackBy="number"
        header={
          <Header
            variant="awsui-h1-sticky"
            description="Each number (E.164) routes its calls to one bot."
            actions={
              <Button variant="primary" onClick={() => setAdding(true)}>
                Add phone number
              </Button>
            }
          >
            Phone numbers
          </Header>
        }
        pagination={<Pagination {...numbers.pagination} />}
        empty={
          <EmptyState
            title="No phone numbers"
            description="Map a number to a bot to route its calls."
            action={<Button onClick={() => setAdding(true)}>Add phone number</Button>}
          />
        }
        columnDefinitions={[
          { id: 'number', header: 'Number', cell: (n) => n.number, isRowHeader: true },
          {
            id: 'bot',
            header: 'Bot',
            cell: (n) => (
              <Link href={`/bots/${n.botId}`} onFollow={follow}>
                {bots.nameOf(n.botId)}
              </Link>
            ),
          },
          { id: 'createdAt', header: 'Added', cell: (n) => formatTime(n.createdAt) },
          {
            id: 'actions',
            header: 'Actions',
            cell: (n) => (
              <Button variant="inline-link" onClick={() => setReleasing(n)} ariaLabel={`Release ${n.number}`}>
                Release
              </Button>
            ),
          },
        ]}
      />
      {adding ? <AddNumber bots={bots.options} onClose={() => setAdding(false)} /> : null}
      <ConfirmModal
        visible={Boolean(releasing)}
        header="Release phone number"
        confirmLabel="Release"
        busy={release.isPending}
        onConfirm={() => releasing && release.mutate(releasing)}
        onDismiss={() => setReleasing(null)}
      >
        Release {releasing?.number}? Calls to it will no longer reach {releasing ? bots.nameOf(releasing.botId) : 'its bot'}.
      </ConfirmModal>
    </>
  );
}

function AddNumber({ bots, onClose }: { bots: { value: string; label: string }[]; onClose: () => void }) {
  const { teamId } = useSession();
  const [number, setNumber] = useState('');
  const [botId, setBotId] = useState(bots[0]?.value ?? '');
  const [problem, setProblem] = useState<Problem | null>(null);
  const add = useApiMutation({
    mutationFn: () => call(api.POST('/api/teams/{teamId}/phone-numbers', { params: { path: { teamId } }, body: { number, botId } })),
    errorHeader: 'Could not add the phone number',
    success: (n) => `Added ${n.number}.`,
    invalidate: [['phone-numbers', teamId]],
    onSuccess: onClose,
    onError: (e) => setProblem(e instanceof ApiError ? e.problem : null),
  });
  return (
    <ConfirmModal
      visible
      header="Add phone number"
      onDismiss={onClose}
      onConfirm={() => add.mutate(undefined)}
      busy={add.isPending}
      confirmDisabled={!botId}
      confirmLabel="Add"
    >
      <SpaceBetween size="m">
        <FormField
          label="Number"
          description="E.164, e.g. +14155550123"
          errorText={problem?.errors?.find((e) => e.path === 'number')?.message}
        >
          <Input value={number} onChange={({ detail }) => setNumber(detail.value)} ariaLabel="Number" />
        </FormField>
        <FormField label="Bot" errorText={problem?.errors?.find((e) => e.path === 'botId')?.message}>
          <Select
            selectedOption={bots.find((b) => b.value === botId) ?? null}
            options={bots}
            onChange={({ detail }) => setBotId(detail.selectedOption.value ?? '')}
            ariaLabel="Bot"
            empty="Create a bot first"
          />
        </FormField>
      </SpaceBetween>
    </ConfirmModal>
  );
}
