import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, callWithHeaders, type Problem } from '../api/client';
import type { TeamSettings } from '../api/types';
import { useBreadcrumbs } from '../app/App';
import { useSession } from '../app/session';
import { formatTime } from '../components/format';
import { Loading, LoadError } from '../components/states';
import { useApiMutation } from '../components/useApiMutation';

/** The team's dialling settings: its ceiling on calls in flight (admins change it; members read it). */
export default function TeamSettingsPage() {
  const { teamId, me } = useSession();
  useBreadcrumbs([
    { text: 'Team', href: '/team' },
    { text: 'Settings', href: '/team/settings' },
  ]);
  const settings = useQuery({
    queryKey: ['team-settings', teamId],
    queryFn: async () => {
      const { data, headers } = await callWithHeaders(api.GET('/api/teams/{teamId}/settings', { params: { path: { teamId } } }));
      return { settings: data, etag: headers.get('etag') };
    },
  });
  if (settings.isPending) return <Loading text="Loading settings" />;
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <SpaceBetween size="l">
      <Header variant="h1" description={`Dialling settings of ${me.teamName}, for every campaign and dialout.`}>
        Team settings
      </Header>
      <CeilingForm key={settings.data.etag ?? ''} settings={settings.data.settings} etag={settings.data.etag} />
    </SpaceBetween>
  );
}

function CeilingForm({ settings, etag }: { settings: TeamSettings; etag: string | null }) {
  const { teamId, reason } = useSession();
  const admin = reason('admin');
  const [value, setValue] = useState(String(settings.maxConcurrentCalls));
  const [problem, setProblem] = useState<Problem | null>(null);
  const save = useApiMutation({
    mutationFn: () =>
      callWithHeaders(
        api.PUT('/api/teams/{teamId}/settings', {
          params: { path: { teamId } },
          // A number as typed; anything else goes as text so the API names the field.
          body: {
            maxConcurrentCalls: value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : (value as unknown as number),
          },
          headers: etag ? { 'If-Match': etag } : {},
        }),
      ),
    errorHeader: 'Could not save the settings',
    success: ({ data }) => `Saved: the team makes at most ${data.maxConcurrentCalls} calls at once.`,
    invalidate: [['team-settings', teamId]],
    onSuccess: () => setProblem(null),
    onError: (e) => setProblem(e instanceof ApiError ? e.problem : null),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!admin) save.mutate(undefined);
      }}
    >
      <Form
        actions={
          admin ? undefined : (
            <Button variant="primary" loading={save.isPending}>
              Save changes
            </Button>
          )
        }
      >
        <Container
          header={
            <Header variant="h2" description="Campaign calls and single dialouts together; each campaign also has its own limit.">
              Concurrent calls
            </Header>
          }
        >
          <SpaceBetween size="l">
            {admin ? (
              <Alert type="info" header="Read only">
                {admin} Ask an admin to change the team’s ceiling.
              </Alert>
            ) : null}
            <FormField
              label="Max concurrent calls"
              description="The most calls the team has in flight at once. Lowering it ends no call: new ones wait until enough end."
              constraintText="1 to 1,000"
              errorText={problem?.errors?.find((e) => e.path === 'maxConcurrentCalls')?.message}
            >
              <Input
                type="number"
                inputMode="numeric"
                value={value}
                onChange={({ detail }) => setValue(detail.value)}
                readOnly={Boolean(admin)}
                ariaLabel="Max concurrent calls"
              />
            </FormField>
            <KeyValuePairs
              columns={2}
              items={[
                { label: 'Calls in flight now', value: String(settings.inFlight) },
                { label: 'Last changed', value: settings.updatedAt ? formatTime(settings.updatedAt) : 'Never (the default)' },
              ]}
            />
          </SpaceBetween>
        </Container>
      </Form>
    </form>
  );
}
