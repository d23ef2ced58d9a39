import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Toggle from '@cloudscape-design/components/toggle';
import TokenGroup from '@cloudscape-design/components/token-group';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ApiError, call } from '../../api/client';
import type { Bot, WidgetSettings } from '../../api/types';
import { useSession } from '../../app/session';
import { ConfirmModal } from '../ConfirmModal';
import { Loading, LoadError } from '../states';
import { useApiMutation } from '../useApiMutation';

/** The website voice widget: on/off, the domains allowed to embed it, its masked key and the embed code. */
export function WidgetTab({ bot }: { bot: Bot }) {
  const { teamId } = useSession();
  const widget = useQuery({
    queryKey: ['widget', teamId, bot.id],
    queryFn: () => call(api.GET('/api/teams/{teamId}/bots/{botId}/widget', { params: { path: { teamId, botId: bot.id } } })),
  });
  if (widget.isPending) return <Loading text="Loading widget settings" />;
  if (widget.isError) return <LoadError error={widget.error} onRetry={() => void widget.refetch()} />;
  return <WidgetForm bot={bot} settings={widget.data} />;
}

function WidgetForm({ bot, settings }: { bot: Bot; settings: WidgetSettings }) {
  const { teamId, reason } = useSession();
  const admin = reason('admin');
  const path = { teamId, botId: bot.id };
  const [enabled, setEnabled] = useState(settings.enabled);
  const [domains, setDomains] = useState<string[]>(settings.allowedDomains);
  const [draft, setDraft] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [clear, setClear] = useState<{ apiKey: string; embedCode: string } | null>(null);
  const [confirmRegenerate, setConfirmRegenerate] = useState(false);
  useEffect(() => {
    setEnabled(settings.enabled);
    setDomains(settings.allowedDomains);
  }, [settings]);

  const save = useApiMutation({
    mutationFn: () =>
      call(api.PUT('/api/teams/{teamId}/bots/{botId}/widget', { params: { path }, body: { enabled, allowedDomains: domains } })),
    errorHeader: 'Could not save the widget settings',
    success: () => 'Widget settings saved.',
    invalidate: [['widget', teamId, bot.id]],
    onSuccess: () => setFieldError(undefined),
    onError: (e) => {
      const first = e instanceof ApiError ? e.problem.errors?.find((x) => x.path.startsWith('allowedDomains')) : undefined;
      setFieldError(first ? `${first.path}: ${first.message}` : undefined);
    },
  });
  const reveal = useApiMutation({
    mutationFn: () => call(api.POST('/api/teams/{teamId}/bots/{botId}/widget/key/reveal', { params: { path } })),
    errorHeader: 'Could not reveal the widget key',
    onSuccess: (k) => setClear({ apiKey: k.apiKey, embedCode: k.embedCode }),
  });
  const regenerate = useApiMutation({
    mutationFn: () => call(api.POST('/api/teams/{teamId}/bots/{botId}/widget/key/regenerate', { params: { path } })),
    errorHeader: 'Could not regenerate the widget key',
    success: () => 'A new widget key was created. Existing embeds stopped working: paste the new embed code.',
    invalidate: [['widget', teamId, bot.id]],
    onSuccess: (k) => {
      setConfirmRegenerate(false);
      setClear({ apiKey: k.apiKey, embedCode: k.embedCode });
    },
    onError: () => setConfirmRegenerate(false),
  });

  const addDraft = () => {
    const value = draft.trim();
    if (!value) return;
    if (!domains.includes(value)) setDomains([...domains, value]);
    setDraft('');
  };
  const embed = clear?.embedCode ?? settings.embedCode ?? '';
  const dirty = enabled !== settings.enabled || JSON.stringify(domains) !== JSON.stringify(settings.allowedDomains);

  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header
            variant="h2"
            description="Put this bot on a website as a click-to-talk voice widget."
            actions={
              <Button
                variant="primary"
                onClick={() => save.mutate(undefined)}
                loading={save.isPending}
                disabled={Boolean(admin)}
                disabledReason={admin}
              >
                Save settings
              </Button>
            }
          >
            Settings
          </Header>
        }
      >
        <SpaceBetween size="l">
          <Toggle checked={enabled} onChange={({ detail }) => setEnabled(detail.checked)} disabled={Boolean(admin)}>
            Widget enabled
          </Toggle>
          <FormField
            label="Allowed website domains"
            description="Type a domain (for example https://yourwebsite.com) and press Enter to add it. With no domain, every website may use the widget."
            errorText={fieldError}
          >
            <SpaceBetween size="xs">
              <Input
                value={draft}
                placeholder="https://yourwebsite.com"
                ariaLabel="Add an allowed domain"
                disabled={Boolean(admin)}
                onChange={({ detail }) => setDraft(detail.value)}
                onKeyDown={({ detail }) => {
                  if (detail.key === 'Enter') addDraft();
                }}
              />
              <TokenGroup
                items={domains.map((d) => ({ label: d, dismissLabel: `Remove ${d}` }))}
                onDismiss={({ detail }) => setDomains(domains.filter((_, i) => i !== detail.itemIndex))}
                readOnly={Boolean(admin)}
              />
              {!domains.length ? <Box color="text-body-secondary">Any website may use the widget.</Box> : null}
            </SpaceBetween>
          </FormField>
          {dirty ? <Box color="text-status-info">Unsaved changes: click Save settings.</Box> : null}
        </SpaceBetween>
      </Container>
      <Container
        header={
          <Header variant="h2" description="The secret key the widget authenticates with.">
            Widget API key
          </Header>
        }
      >
        <SpaceBetween size="m">
          <Box variant="code" data-testid="widget-key">
            {clear?.apiKey ?? settings.apiKey ?? 'No key yet'}
          </Box>
          <SpaceBetween direction="horizontal" size="xs">
            {clear ? (
              <Button onClick={() => setClear(null)}>Hide</Button>
            ) : (
              <Button onClick={() => reveal.mutate(undefined)} loading={reveal.isPending} disabled={Boolean(admin)} disabledReason={admin}>
                Reveal
              </Button>
            )}
            <Button onClick={() => setConfirmRegenerate(true)} disabled={Boolean(admin)} disabledReason={admin}>
              Regenerate
            </Button>
          </SpaceBetween>
        </SpaceBetween>
      </Container>
      <Container
        header={
          <Header variant="h2" description="Paste it into your website’s HTML.">
            Embed code
          </Header>
        }
      >
        <SpaceBetween size="s">
          {!clear ? <Alert type="info">The key in this code is masked. Reveal the key to copy a working embed code.</Alert> : null}
          <CopyToClipboard
            variant="button"
            copyButtonText="Copy"
            copyButtonAriaLabel="Copy the embed code"
            textToCopy={embed}
            copySuccessText="Copied"
            copyErrorText="Could not copy"
            disabled={!embed}
          />
          <Box variant="pre" fontSize="body-s" data-testid="embed-code">
            <Box variant="code">{embed || 'No embed code yet.'}</Box>
          </Box>
        </SpaceBetween>
      </Container>
      <ConfirmModal
        visible={confirmRegenerate}
        header="Regenerate widget key"
        confirmLabel="Regenerate"
        busy={regenerate.isPending}
        onConfirm={() => regenerate.mutate(undefined)}
        onDismiss={() => setConfirmRegenerate(false)}
      >
        Regenerate the widget key? Existing embeds will stop working immediately.
      </ConfirmModal>
    </SpaceBetween>
  );
}
