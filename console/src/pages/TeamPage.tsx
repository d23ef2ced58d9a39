import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import Pagination from '@cloudscape-design/components/pagination';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { ApiError, api, call, type Problem } from '../api/client';
import { ROLES } from '../api/options';
import type { ApiKey, CreatedApiKey, Member, Role } from '../api/types';
import { useBreadcrumbs } from '../app/App';
import { ROLE_LABEL, useSession } from '../app/session';
import { ConfirmModal } from '../components/ConfirmModal';
import { formatTime } from '../components/format';
import { EmptyState, LoadError } from '../components/states';
import { useApiMutation } from '../components/useApiMutation';
import { useCursorPages } from '../components/useCursorPages';

/** Members and API keys of the team. */
export default function TeamPage() {
  const { me } = useSession();
  useBreadcrumbs([{ text: 'Team', href: '/team' }]);
  return (
    <SpaceBetween size="l">
      <Header variant="h1" description={`Members and API keys of ${me.teamName}.`}>
        Team
      </Header>
      <Members />
      <ApiKeys />
    </SpaceBetween>
  );
}

/** The roles the signed-in member may hand out: only a super admin makes or changes a super admin. */
function assignable(role: Role): Role[] {
  return ROLES.filter((r) => role === 'super_admin' || r !== 'super_admin');
}

function Members() {
  const { teamId, me, reason } = useSession();
  const admin = reason('admin');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [selected, setSelected] = useState<Member[]>([]);
  const members = useCursorPages<Member>(['members', teamId], (cursor) =>
    call(api.GET('/api/teams/{teamId}/members', { params: { path: { teamId }, query: { limit: 25, ...(cursor ? { cursor } : {}) } } })),
  );
  const remove = useApiMutation({
    mutationFn: (m: Member) => call(api.DELETE('/api/teams/{teamId}/members/{memberId}', { params: { path: { teamId, memberId: m.id } } })),
    errorHeader: 'Could not remove the member',
    success: (_d, m) => `Removed ${m.email}. Their API keys stopped working.`,
    invalidate: [
      ['members', teamId],
      ['api-keys', teamId],
    ],
    onSuccess: () => {
      setRemoving(null);
      setSelected([]);
    },
    onError: () => setRemoving(null),
  });
  const one = selected[0];
  const superOnly = one?.role === 'super_admin' && me.role !== 'super_admin' ? 'Only a super admin can change a super admin.' : undefined;
  const rowReason = admin ?? (!one ? 'Select a member.' : superOnly);
  if (members.isError && !members.data) return <LoadError error={members.error} onRetry={() => void members.refetch()} />;
  return (
    <>
      <Table
        items={members.items}
        loading={members.isPending}
        loadingText="Loading members"
        trackBy="id"
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{ itemSelectionLabel: (_s, m) => `Select ${m.email}`, selectionGroupLabel: 'Member selection', tableLabel: 'Members' }}
        header={
          <Header
            variant="h2"
            counter={`(${members.items.length})`}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button onClick={() => one && setEditing(one)} disabled={Boolean(rowReason)} disabledReason={rowReason}>
                  Change role
                </Button>
                <Button onClick={() => one && setRemoving(one)} disabled={Boolean(rowReason)} disabledReason={rowReason}>
                  Remove
                </Button>
                <Button variant="primary" onClick={() => setAdding(true)} disabled={Boolean(admin)} disabledReason={admin}>
                  Add member
                </Button>
              </SpaceBetween>
            }
          >
            Members
          </Header>
        }
        pagination={<Pagination {...members.pagination} />}
        empty={<EmptyState title="No members" />}
        columnDefinitions={[
          { id: 'email', header: 'Email', cell: (m) => `${m.email}${m.id === me.memberId ? ' (you)' : ''}`, isRowHeader: true },
          { id: 'role', header: 'Role', cell: (m) => ROLE_LABEL[m.role] },
          { id: 'createdAt', header: 'Added', cell: (m) => formatTime(m.createdAt) },
        ]}
      />
      {adding ? <MemberModal onClose={() => setAdding(false)} /> : null}
      {editing ? <MemberModal member={editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmModal
        visible={Boolean(removing)}
        header="Remove member"
        confirmLabel="Remove"
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        onDismiss={() => setRemoving(null)}
      >
        Remove {removing?.email} from the team? Their API keys stop working at once.
      </ConfirmModal>
    </>
  );
}

function MemberModal({ member, onClose }: { member?: Member; onClose: () => void }) {
  const { teamId, me } = useSession();
  const [email, setEmail] = useState(member?.email ?? '');
  const [role, setRole] = useState<Role>(member?.role ?? 'member');
  const [problem, setProblem] = useState<Problem | null>(null);
  const save = useApiMutation({
    mutationFn: () =>
      member
        ? call(api.PATCH('/api/teams/{teamId}/members/{memberId}', { params: { path: { teamId, memberId: member.id } }, body: { role } }))
        : call(api.POST('/api/teams/{teamId}/members', { params: { path: { teamId } }, body: { email, role } })),
    errorHeader: member ? 'Could not change the role' : 'Could not add the member',
    success: (m) =>
      member ? `${m.email} is now ${ROLE_LABEL[m.role]}.` : `Added ${m.email} as ${ROLE_LABEL[m.role]}. Create an API key for them below.`,
    invalidate: [['members', teamId]],
    onSuccess: onClose,
    onError: (e) => setProblem(e instanceof ApiError ? e.problem : null),
  });
  return (
    <ConfirmModal
      visible
      header={member ? `Change role of ${member.email}` : 'Add member'}
      onDismiss={onClose}
      onConfirm={() => save.mutate(undefined)}
      busy={save.isPending}
      confirmLabel={member ? 'Change role' : 'Add member'}
    >
      <SpaceBetween size="m">
        {member ? null : (
          <FormField label="Email" errorText={problem?.errors?.find((e) => e.path === 'email')?.message}>
            <Input type="email" value={email} onChange={({ detail }) => setEmail(detail.value)} ariaLabel="Email" />
          </FormField>
        )}
        <FormField label="Role" description="Members use bots; admins also manage agents, widgets, the audit log, members and keys.">
          <Select
            selectedOption={{ value: role, label: ROLE_LABEL[role] }}
            options={assignable(me.role).map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
            onChange={({ detail }) => setRole(detail.selectedOption.value as Role)}
            ariaLabel="Role"
          />
        </FormField>
      </SpaceBetween>
    </ConfirmModal>
  );
}

function ApiKeys() {
  const { teamId, reason } = useSession();
  const admin = reason('admin');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const keys = useCursorPages<ApiKey>(['api-keys', teamId, Boolean(admin)], (cursor) =>
    admin
      ? Promise.resolve({ items: [], nextCursor: null })
      : call(
          api.GET('/api/teams/{teamId}/api-keys', { params: { path: { teamId }, query: { limit: 25, ...(cursor ? { cursor } : {}) } } }),
        ),
  );
  const members = useCursorPages<Member>(['members', teamId], (cursor) =>
    call(api.GET('/api/teams/{teamId}/members', { params: { path: { teamId }, query: { limit: 25, ...(cursor ? { cursor } : {}) } } })),
  );
  const emailOf = (id: string) => members.items.find((m) => m.id === id)?.email ?? id;
  const revoke = useApiMutation({
    mutationFn: (k: ApiKey) => call(api.DELETE('/api/teams/{teamId}/api-keys/{keyId}', { params: { path: { teamId, keyId: k.id } } })),
    errorHeader: 'Could not revoke the key',
    success: (_d, k) => `Revoked "${k.name}". It no longer works.`,
    invalidate: [['api-keys', teamId]],
    onSuccess: () => setRevoking(null),
    onError: () => setRevoking(null),
  });
  return (
    <>
      <Table
        items={keys.items}
        loading={keys.isPending}
        loadingText="Loading API keys"
        trackBy="id"
        header={
          <Header
            variant="h2"
            description="A key is shown once, when it is created; botops keeps only its hash."
            actions={
              <Button variant="primary" onClick={() => setCreating(true)} disabled={Boolean(admin)} disabledReason={admin}>
                Create API key
              </Button>
            }
          >
            API keys
          </Header>
        }
        pagination={<Pagination {...keys.pagination} />}
        empty={admin ? <EmptyState title="API keys are managed by admins" description={admin} /> : <EmptyState title="No API keys" />}
        columnDefinitions={[
          { id: 'name', header: 'Name', cell: (k) => k.name, isRowHeader: true },
          { id: 'prefix', header: 'Key', cell: (k) => <Box variant="code">{`${k.prefix}…`}</Box> },
          { id: 'member', header: 'Member', cell: (k) => emailOf(k.memberId) },
          { id: 'createdAt', header: 'Created', cell: (k) => formatTime(k.createdAt) },
          { id: 'lastUsedAt', header: 'Last used', cell: (k) => formatTime(k.lastUsedAt) },
          {
            id: 'actions',
            header: 'Actions',
            cell: (k) => (
              <Button variant="inline-link" onClick={() => setRevoking(k)} ariaLabel={`Revoke ${k.name}`}>
                Revoke
              </Button>
            ),
          },
        ]}
      />
      {keys.isError ? <LoadError error={keys.error} onRetry={() => void keys.refetch()} /> : null}
      {creating ? (
        <CreateKey
          members={members.items}
          onClose={() => setCreating(false)}
          onCreated={(k) => {
            setCreating(false);
            setCreated(k);
          }}
        />
      ) : null}
      {created ? (
        <Modal
          visible
          header={`API key "${created.name}"`}
          onDismiss={() => setCreated(null)}
          closeAriaLabel="Close dialog"
          footer={
            <Box float="right">
              <Button variant="primary" onClick={() => setCreated(null)}>
                Done
              </Button>
            </Box>
          }
        >
          <SpaceBetween size="m">
            <Alert type="warning">Copy this key now: it is shown this once and cannot be shown again.</Alert>
            <CopyToClipboard
              variant="inline"
              textToCopy={created.key ?? ''}
              copyButtonAriaLabel="Copy the API key"
              copySuccessText="Copied"
              copyErrorText="Could not copy"
            />
          </SpaceBetween>
        </Modal>
      ) : null}
      <ConfirmModal
        visible={Boolean(revoking)}
        header="Revoke API key"
        confirmLabel="Revoke"
        busy={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onDismiss={() => setRevoking(null)}
      >
        Revoke “{revoking?.name}”? Anything using it is refused from now on.
      </ConfirmModal>
    </>
  );
}

function CreateKey({ members, onClose, onCreated }: { members: Member[]; onClose: () => void; onCreated: (k: CreatedApiKey) => void }) {
  const { teamId, me } = useSession();
  const [name, setName] = useState('');
  const [memberId, setMemberId] = useState(me.memberId);
  const [problem, setProblem] = useState<Problem | null>(null);
  const create = useApiMutation({
    mutationFn: () => call(api.POST('/api/teams/{teamId}/api-keys', { params: { path: { teamId } }, body: { name, memberId } })),
    errorHeader: 'Could not create the API key',
    success: (k) => `Created the API key "${k.name}".`,
    invalidate: [['api-keys', teamId]],
    onSuccess: onCreated,
    onError: (e) => setProblem(e instanceof ApiError ? e.problem : null),
  });
  return (
    <ConfirmModal
      visible
      header="Create API key"
      onDismiss={onClose}
      onConfirm={() => create.mutate(undefined)}
      busy={create.isPending}
      confirmLabel="Create API key"
    >
      <SpaceBetween size="m">
        <FormField
          label="Name"
          description="What uses the key, e.g. CRM."
          errorText={problem?.errors?.find((e) => e.path === 'name')?.message}
        >
          <Input value={name} onChange={({ detail }) => setName(detail.value)} ariaLabel="Name" />
        </FormField>
        <FormField label="Member" description="The key acts as this member, with their role.">
          <Select
            selectedOption={{ value: memberId, label: members.find((m) => m.id === memberId)?.email ?? me.email }}
            options={members.map((m) => ({ value: m.id, label: m.email, description: ROLE_LABEL[m.role] }))}
            onChange={({ detail }) => setMemberId(detail.selectedOption.value ?? me.memberId)}
            ariaLabel="Member"
          />
        </FormField>
      </SpaceBetween>
    </ConfirmModal>
  );
}
