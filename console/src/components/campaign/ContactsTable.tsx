import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FileUpload from '@cloudscape-design/components/file-upload';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import Pagination from '@cloudscape-design/components/pagination';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import Textarea from '@cloudscape-design/components/textarea';
import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import { CAMPAIGN_CONTACT_STATUSES } from '../../api/options';
import type { Campaign, CampaignContact, CampaignContactStatus } from '../../api/types';
import { useSession } from '../../app/session';
import { formatTime } from '../format';
import { EmptyState, LoadError } from '../states';
import { useApiMutation } from '../useApiMutation';
import { useCursorPages } from '../useCursorPages';
import { CONTACT_STATUS_LABEL, type ContactLine, chunks, OUTCOME_LABEL, parseContactLines } from './settings';
import { RUNNING_REFRESH_MS } from './useCampaign';

/** Most contacts one request takes (the API's limit): a longer paste goes in several requests. */
const CHUNK = 1000;

const STATUS_TYPE: Record<CampaignContactStatus, StatusIndicatorProps.Type> = {
  pending: 'pending',
  scheduled: 'pending',
  dialing: 'in-progress',
  completed: 'success',
  failed: 'error',
  exhausted: 'warning',
  skipped_dnc: 'stopped',
};

export function ContactStatusIndicator({ status }: { status: CampaignContactStatus }) {
  return <StatusIndicator type={STATUS_TYPE[status]}>{CONTACT_STATUS_LABEL[status]}</StatusIndicator>;
}

const ALL = { value: '', label: 'All statuses' };
const STATUS_OPTIONS = [ALL, ...CAMPAIGN_CONTACT_STATUSES.map((s) => ({ value: s, label: CONTACT_STATUS_LABEL[s] }))];

/** A campaign's contacts, a page at a time through the API's cursors, filtered by status on the server. */
export function ContactsTable({ campaign }: { campaign: Campaign }) {
  const { teamId } = useSession();
  const [status, setStatus] = useState<CampaignContactStatus | ''>('');
  const [adding, setAdding] = useState(false);
  const running = campaign.status === 'running';
  const contacts = useCursorPages<CampaignContact>(['campaign-contacts', teamId, campaign.id, status], (cursor) =>
    call(
      api.GET('/api/teams/{teamId}/campaigns/{campaignId}/contacts', {
        params: {
          path: { teamId, campaignId: campaign.id },
          query: { limit: 25, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) },
        },
      }),
    ),
  );
  // Statuses move while the campaign dials: the page shown is read again with its progress.
  const refresh = contacts.refetch;
  useRefreshWhile(running, refresh);
  return (
    <>
      <Table
        items={contacts.items}
        loading={contacts.isPending}
        loadingText="Loading contacts"
        trackBy="phone"
        ariaLabels={{ tableLabel: 'Campaign contacts' }}
        header={
          <Header
            variant="h2"
            counter={`(${campaign.progress.total})`}
            description="Each contact is called in its own time zone, within the calling window."
            actions={
              <Button
                onClick={() => setAdding(true)}
                disabled={campaign.status === 'completed'}
                disabledReason="A completed campaign takes no more contacts."
              >
                Add contacts
              </Button>
            }
          >
            Contacts
          </Header>
        }
        filter={
          <Select
            selectedOption={STATUS_OPTIONS.find((o) => o.value === status) ?? ALL}
            options={STATUS_OPTIONS}
            onChange={({ detail }) => setStatus((detail.selectedOption.value ?? '') as CampaignContactStatus | '')}
            ariaLabel="Filter by status"
          />
        }
        pagination={<Pagination {...contacts.pagination} />}
        empty={
          status ? (
            <EmptyState title={`No ${CONTACT_STATUS_LABEL[status].toLowerCase()} contacts`} />
          ) : (
            <EmptyState
              title="No contacts"
              description="Add the numbers this campaign should call."
              action={<Button onClick={() => setAdding(true)}>Add contacts</Button>}
            />
          )
        }
        columnDefinitions={[
          { id: 'phone', header: 'Phone', cell: (c) => c.phone, isRowHeader: true },
          { id: 'timezone', header: 'Time zone', cell: (c) => c.timezone ?? 'Campaign default' },
          { id: 'status', header: 'Status', cell: (c) => <ContactStatusIndicator status={c.status} /> },
          { id: 'attempts', header: 'Attempts', cell: (c) => c.attempts },
          { id: 'next', header: 'Next attempt', cell: (c) => formatTime(c.nextAttemptAt) },
          { id: 'outcome', header: 'Last outcome', cell: (c) => (c.lastOutcome ? (OUTCOME_LABEL[c.lastOutcome] ?? c.lastOutcome) : '--') },
          { id: 'externalId', header: 'External id', cell: (c) => c.externalId ?? '--' },
        ]}
      />
      {contacts.isError ? <LoadError error={contacts.error} onRetry={() => void contacts.refetch()} /> : null}
      {adding ? <AddContacts campaign={campaign} onClose={() => setAdding(false)} /> : null}
    </>
  );
}

/** Calls `refresh` every few seconds while `active`. */
function useRefreshWhile(active: boolean, refresh: () => unknown) {
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => void refresh(), RUNNING_REFRESH_MS);
    return () => clearInterval(id);
  }, [active, refresh]);
}

type Rejected = { line: number; text: string; errors: string };
type Outcome = { added: number; duplicates: number; rejected: Rejected[] };

/**
 * Paste lines or pick a .csv of `phone[,timezone[,externalId]]`; sent in requests of at most 1,000 contacts. The
 * result stays in the dialog: how many were added, how many were duplicates, and each rejected line with its errors.
 */
function AddContacts({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const { teamId } = useSession();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const lines = parseContactLines(text);
  const add = useApiMutation({
    mutationFn: async (all: ContactLine[]) => {
      const out: Outcome = { added: 0, duplicates: 0, rejected: [] };
      for (const part of chunks(all, CHUNK)) {
        const r = await call(
          api.POST('/api/teams/{teamId}/campaigns/{campaignId}/contacts', {
            params: { path: { teamId, campaignId: campaign.id } },
            body: {
              contacts: part.map((l) => ({
                phone: l.phone,
                ...(l.timezone ? { timezone: l.timezone } : {}),
                ...(l.externalId ? { externalId: l.externalId } : {}),
              })),
            },
          }),
        );
        out.added += r.added;
        out.duplicates += r.duplicates;
        for (const rej of r.rejected) {
          const line = part[rej.index];
          out.rejected.push({
            line: line?.line ?? rej.index + 1,
            text: line?.text ?? '',
            errors: rej.errors.map((e) => `${e.path}: ${e.message}`).join('; '),
          });
        }
        setOutcome({ ...out, rejected: [...out.rejected] });
      }
      return out;
    },
    errorHeader: 'Could not add the contacts',
    success: (o) =>
      `Added ${o.added} contact${o.added === 1 ? '' : 's'} to "${campaign.name}" (${o.duplicates} duplicate${o.duplicates === 1 ? '' : 's'}, ${o.rejected.length} rejected).`,
    invalidate: [
      ['campaign', teamId, campaign.id],
      ['campaign-contacts', teamId, campaign.id],
      ['campaigns', teamId],
    ],
    // The dialog stays open on its result; only the rejected lines stay in the box, to be fixed and sent again.
    onSuccess: (o) => {
      setOutcome(o);
      setText(o.rejected.map((r) => r.text).join('\n'));
      setFiles([]);
    },
  });
  const readFile = async (picked: File[]) => {
    setFiles(picked);
    setFileError(undefined);
    const file = picked[0];
    if (!file) return;
    try {
      setText(await file.text());
    } catch {
      setFileError('Could not read this file.');
    }
  };
  return (
    <Modal
      visible
      size="large"
      header="Add contacts"
      onDismiss={onClose}
      closeAriaLabel="Close dialog"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onClose}>
              {outcome ? 'Close' : 'Cancel'}
            </Button>
            <Button variant="primary" onClick={() => add.mutate(lines)} loading={add.isPending} disabled={!lines.length}>
              Add {lines.length ? `${lines.length} ` : ''}contact{lines.length === 1 ? '' : 's'}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        <FormField
          label="Contacts"
          description="One per line: phone[,timezone[,externalId]], e.g. +14155550123,America/Los_Angeles,crm-42. A first line starting with “phone” is a header and is skipped."
          constraintText={
            lines.length > CHUNK
              ? `${lines.length} contacts: sent in ${Math.ceil(lines.length / CHUNK)} requests of up to 1,000.`
              : undefined
          }
        >
          <Textarea
            value={text}
            onChange={({ detail }) => setText(detail.value)}
            rows={8}
            ariaLabel="Contacts, one per line"
            placeholder={'+14155550123,America/Los_Angeles,crm-42\n+442071838750'}
          />
        </FormField>
        <FormField label="Or upload a CSV file" errorText={fileError}>
          <FileUpload
            value={files}
            onChange={({ detail }) => void readFile(detail.value)}
            accept=".csv,text/csv,text/plain"
            showFileSize
            i18nStrings={{
              uploadButtonText: () => 'Choose file',
              dropzoneText: () => 'Drop a CSV file to upload',
              removeFileAriaLabel: (i) => `Remove file ${i + 1}`,
              limitShowFewer: 'Show fewer files',
              limitShowMore: 'Show more files',
              errorIconAriaLabel: 'Error',
              warningIconAriaLabel: 'Warning',
            }}
          />
        </FormField>
        {outcome ? <AddOutcome outcome={outcome} /> : null}
      </SpaceBetween>
    </Modal>
  );
}

function AddOutcome({ outcome }: { outcome: Outcome }) {
  return (
    <SpaceBetween size="s">
      <Alert type={outcome.rejected.length ? 'warning' : 'success'} header="Result">
        Added {outcome.added}, duplicates {outcome.duplicates}, rejected {outcome.rejected.length}.
      </Alert>
      {outcome.rejected.length ? (
        <Table
          variant="embedded"
          items={outcome.rejected}
          trackBy="line"
          ariaLabels={{ tableLabel: 'Rejected lines' }}
          header={<Header variant="h3">Rejected lines</Header>}
          columnDefinitions={[
            { id: 'line', header: 'Line', cell: (r) => r.line },
            { id: 'text', header: 'Text', cell: (r) => <Box variant="code">{r.text}</Box> },
            { id: 'errors', header: 'Errors', cell: (r) => r.errors },
          ]}
        />
      ) : null}
    </SpaceBetween>
  );
}
