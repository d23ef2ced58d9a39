import Alert from '@cloudscape-design/components/alert';
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import TokenGroup from '@cloudscape-design/components/token-group';
import Wizard from '@cloudscape-design/components/wizard';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, isValidElement, type ReactNode, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api, call, type Problem } from '../api/client';
import {
  ALIGNMENTS,
  BOT_ICONS,
  BOT_MODES,
  ICONS,
  LANGUAGES,
  MODELS,
  PRIVACY,
  REGIONS,
  STT_ENGINES,
  VOICE_ENGINES,
  VOICE_LLMS,
} from '../api/options';
import type { Bot } from '../api/types';
import { useBreadcrumbs } from '../app/App';
import { useNotify } from '../app/flash';
import { useSession } from '../app/session';
import { type BotBody, bodyOf, type Draft, draftOf, type Field, STEPS } from '../components/bot/draft';
import { timeZoneOptions } from '../components/bot/timezones';
import { botKey, useBot } from '../components/bot/useBot';
import { labelOf, optionsOf } from '../components/format';
import { Loading, LoadError } from '../components/states';
import { LockBanner } from './BotDetailPage';

const LABEL_KEYS = [
  'firstMessage',
  'floatingButton',
  'inputPlaceholder',
  'sources',
  'getSupport',
  'helpful',
  'unhelpful',
  'poweredBy',
] as const;

/** Create (`/bots/new`) and edit (`/bots/{id}/edit`) share one wizard; edit starts from the bot's saved values. */
export default function BotWizardPage() {
  const { botId } = useParams();
  if (!botId) return <BotWizard />;
  return <EditWizard botId={botId} />;
}

function EditWizard({ botId }: { botId: string }) {
  const bot = useBot(botId);
  if (bot.isPending) return <Loading text="Loading bot" />;
  if (bot.isError) return <LoadError header="Could not load this bot" error={bot.error} onRetry={() => void bot.refetch()} />;
  return <BotWizard bot={bot.data} />;
}

function BotWizard({ bot }: { bot?: Bot }) {
  const { teamId, reason } = useSession();
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const editing = Boolean(bot);
  useBreadcrumbs(
    bot
      ? [
          { text: 'Bots', href: '/bots' },
          { text: bot.name, href: `/bots/${bot.id}` },
          { text: 'Edit', href: `/bots/${bot.id}/edit` },
        ]
      : [
          { text: 'Bots', href: '/bots' },
          { text: 'Create bot', href: '/bots/new' },
        ],
  );
  const [draft, setDraft] = useState<Draft>(() => draftOf(bot));
  const [step, setStep] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const zones = useMemo(timeZoneOptions, []);

  const set = <K extends Field>(key: K, value: BotBody[K]) =>
    setDraft((d) => ({ ...d, values: { ...d.values, [key]: value }, touched: new Set(d.touched).add(key) }));
  const setText = (path: string, value: string) =>
    setDraft((d) => ({ ...d, text: { ...d.text, [path]: value }, touched: new Set(d.touched).add(path.split('.')[0] as Field) }));
  const errorOf = (path: string) =>
    problem?.errors
      ?.filter((e) => e.path === path || e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`))
      .map((e) => (e.path === path ? e.message : `${e.path.slice(path.length).replace(/^\./, '')}: ${e.message}`))
      .join('; ') || undefined;
  const v = draft.values;
  const defaultHint = editing ? undefined : 'Leave as is for the default.';

  const submit = async () => {
    setSaving(true);
    setProblem(null);
    try {
      const body = bodyOf(draft);
      const saved = bot
        ? await call(api.PUT('/api/teams/{teamId}/bots/{botId}', { params: { path: { teamId, botId: bot.id } }, body }))
        : await call(api.POST('/api/teams/{teamId}/bots', { params: { path: { teamId } }, body: { ...body, name: v.name ?? '' } }));
      queryClient.setQueryData(botKey(teamId, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['bots', teamId] });
      notify.success(bot ? `Saved "${saved.name}".` : `Created "${saved.name}".`);
      navigate(`/bots/${saved.id}`);
    } catch (e) {
      if (e instanceof ApiError) {
        setProblem(e.problem);
        // The wizard goes back to the first step holding an error, where each field shows its message.
        const first = STEPS.findIndex((s) => s.id === e.problem.firstInvalidStep);
        if (first >= 0) setStep(first);
      } else setProblem({ title: 'Could not save', detail: String(e) });
    } finally {
      setSaving(false);
    }
  };

  const select = (
    key: Field,
    values: readonly string[],
    label: string,
    opts: { description?: string; render?: (v: string) => string } = {},
  ) => {
    const current = v[key] as string | undefined;
    return (
      <FormField label={label} description={opts.description ?? (current === undefined ? defaultHint : undefined)} errorText={errorOf(key)}>
        <Select
          selectedOption={current === undefined ? null : { value: current, label: (opts.render ?? labelOf)(current) }}
          placeholder="Default"
          options={optionsOf(values, opts.render)}
          onChange={({ detail }) => set(key, detail.selectedOption.value as never)}
          ariaLabel={label}
        />
      </FormField>
    );
  };
  const textInput = (key: Field, label: string, description?: string) => (
    <FormField label={label} description={description} errorText={errorOf(key)}>
      <Input
        value={(v[key] as string | null | undefined) ?? ''}
        onChange={({ detail }) => set(key, detail.value as never)}
        ariaLabel={label}
      />
    </FormField>
  );
  const nullableText = (key: Field, label: string, description?: string, rows = 6) => (
    <FormField label={label} description={description} errorText={errorOf(key)} stretch>
      <Textarea
        rows={rows}
        value={(v[key] as string | null | undefined) ?? ''}
        onChange={({ detail }) => set(key, (detail.value === '' ? null : detail.value) as never)}
        ariaLabel={label}
      />
    </FormField>
  );
  const numberInput = (path: string, label: string, description?: string) => (
    <FormField
      label={label}
      description={description ?? (draft.text[path] === undefined ? defaultHint : undefined)}
      errorText={errorOf(path)}
    >
      <Input
        type="number"
        inputMode="decimal"
        value={draft.text[path] ?? ''}
        placeholder={editing ? undefined : 'Default'}
        onChange={({ detail }) => setText(path, detail.value)}
        ariaLabel={label}
      />
    </FormField>
  );
  const check = (key: Field, label: string, description: string) => (
    <FormField errorText={errorOf(key)} description={description}>
      <Checkbox checked={Boolean(v[key])} indeterminate={v[key] === undefined} onChange={({ detail }) => set(key, detail.checked as never)}>
        {label}
        {v[key] === undefined ? ' (default)' : ''}
      </Checkbox>
    </FormField>
  );

  // The step's title is the wizard's heading; a fragment's fields are spaced one by one.
  const section = (_title: string, children: ReactNode) => (
    <Container>
      <SpaceBetween size="l">
        {isValidElement<{ children: ReactNode }>(children) && children.type === Fragment ? children.props.children : children}
      </SpaceBetween>
    </Container>
  );

  const vp = v.voicePipeline ?? {};
  const setVp = (patch: Partial<NonNullable<BotBody['voicePipeline']>>) => set('voicePipeline', { ...vp, ...patch });
  const re = v.reEngagement ?? {};
  const labels = v.labels ?? {};

  const content: Record<(typeof STEPS)[number]['id'], ReactNode> = {
    identity: section(
      'Identity',
      <>
        <FormField label="Name" errorText={errorOf('name')}>
          <Input value={v.name ?? ''} onChange={({ detail }) => set('name', detail.value)} ariaLabel="Name" />
        </FormField>
        <FormField label="Description" errorText={errorOf('description')} stretch>
          <Textarea
            rows={2}
            value={v.description ?? ''}
            onChange={({ detail }) => set('description', detail.value)}
            ariaLabel="Description"
          />
        </FormField>
        {textInput('industry', 'Industry')}
        <FormField label="Time zone" errorText={errorOf('timezone')} description={v.timezone === undefined ? defaultHint : undefined}>
          <Select
            selectedOption={v.timezone ? { value: v.timezone, label: v.timezone } : null}
            placeholder="Default (UTC)"
            options={zones}
            filteringType="auto"
            filteringPlaceholder="Find a time zone"
            onChange={({ detail }) => set('timezone', detail.selectedOption.value ?? 'UTC')}
            ariaLabel="Time zone"
            virtualScroll
          />
        </FormField>
        {select('region', REGIONS, 'Region', { render: (r) => r })}
        {select('language', LANGUAGES, 'Language', { render: (r) => r })}
        {select('privacy', PRIVACY, 'Privacy')}
      </>,
    ),
    instructions: section(
      'Instructions',
      <>
        {nullableText(
          'customPrompt',
          'System prompt',
          'What the bot is and how it talks. {{crm.name}} placeholders are filled from the dialout.',
          10,
        )}
        {nullableText('openingMessage', 'Opening message', 'The first thing the bot says.', 2)}
        {select('model', MODELS, 'Chat model', { render: (r) => r })}
      </>,
    ),
    policy: section('Policy', nullableText('policy', 'Conversation policy', 'Rules the bot must follow; leave empty for none.', 10)),
    voice_pipeline: section(
      'Voice Pipeline',
      <>
        <FormField label="Speech-to-Text engine" errorText={errorOf('voicePipeline.speechToText')}>
          <Select
            selectedOption={vp.speechToText ? { value: vp.speechToText } : null}
            placeholder="Default"
            options={optionsOf(STT_ENGINES, (x) => x)}
            onChange={({ detail }) => setVp({ speechToText: detail.selectedOption.value as never })}
            ariaLabel="Speech-to-Text engine"
          />
        </FormField>
        <FormField label="Language model" errorText={errorOf('voicePipeline.languageModel')}>
          <Select
            selectedOption={vp.languageModel ? { value: vp.languageModel } : null}
            placeholder="Default"
            options={optionsOf(VOICE_LLMS, (x) => x)}
            onChange={({ detail }) => setVp({ languageModel: detail.selectedOption.value as never })}
            ariaLabel="Language model"
          />
        </FormField>
        <FormField label="Voice engine" errorText={errorOf('voicePipeline.voice')}>
          <Select
            selectedOption={vp.voice ? { value: vp.voice } : null}
            placeholder="Default"
            options={optionsOf(VOICE_ENGINES, (x) => x)}
            onChange={({ detail }) => setVp({ voice: detail.selectedOption.value as never })}
            ariaLabel="Voice engine"
          />
        </FormField>
        <FormField label="Voice id" errorText={errorOf('voicePipeline.voiceId')} description="The engine's voice; empty for its default.">
          <Input value={vp.voiceId ?? ''} onChange={({ detail }) => setVp({ voiceId: detail.value || null })} ariaLabel="Voice id" />
        </FormField>
      </>,
    ),
    behavior: section(
      'Behavior',
      <>
        {select('mode', BOT_MODES, 'Mode', { description: 'Per-contact bot status works in Suggestive and Auto-Pilot modes.' })}
        {numberInput('maxCallDurationSeconds', 'Maximum call duration (seconds)')}
        {numberInput('reEngagement.gapSeconds', 'Re-engagement gap (seconds)')}
        {numberInput('reEngagement.retries', 'Re-engagement retries')}
        <FormField label="Re-engagement messages" description="One per line." errorText={errorOf('reEngagement.messages')} stretch>
          <Textarea
            rows={3}
            value={(re.messages ?? []).join('\n')}
            onChange={({ detail }) => set('reEngagement', { ...re, messages: detail.value.split('\n') })}
            ariaLabel="Re-engagement messages"
          />
        </FormField>
        {numberInput('vad.threshold', 'VAD threshold', 'Voice-activity detection sensitivity, 0 to 1.')}
        {numberInput('vad.silenceMs', 'VAD silence (ms)')}
        {numberInput('vad.prefixPaddingMs', 'VAD prefix padding (ms)')}
        {numberInput('minWordsToInterrupt', 'Minimum words to interrupt')}
        {numberInput(
          'maxMessagesPerContact',
          'Messages per contact',
          'The bot turns itself off for a contact after this many messages; empty for no limit.',
        )}
        <FormField
          label="Reactivate after an automatic turn-off"
          description="An ISO-8601 duration such as PT2H; empty for never."
          errorText={errorOf('autoReactivateAfter')}
        >
          <Input
            value={v.autoReactivateAfter ?? ''}
            onChange={({ detail }) => set('autoReactivateAfter', detail.value || null)}
            ariaLabel="Reactivate after an automatic turn-off"
          />
        </FormField>
        {check(
          'sleepOnManualMessage',
          'Turn off for a contact when an agent writes to them',
          'A manual message turns the bot off for that contact.',
        )}
        {check(
          'sleepOnWorkflowMessage',
          'Turn off for a contact when a workflow writes to them',
          'A workflow message turns the bot off for that contact.',
        )}
      </>,
    ),
    tools_integrations: section(
      'Tools & Integrations',
      <>
        <FormField label="Tools" errorText={errorOf('tools')} stretch>
          <AttributeEditor
            items={v.tools ?? []}
            addButtonText="Add tool"
            removeButtonText="Remove"
            empty="No tools."
            onAddButtonClick={() => set('tools', [...(v.tools ?? []), { name: '', description: '' }])}
            onRemoveButtonClick={({ detail }) =>
              set(
                'tools',
                (v.tools ?? []).filter((_, i) => i !== detail.itemIndex),
              )
            }
            definition={[
              {
                label: 'Name',
                control: (t, i) => (
                  <Input
                    value={t.name}
                    ariaLabel={`Tool ${i + 1} name`}
                    onChange={({ detail }) =>
                      set(
                        'tools',
                        (v.tools ?? []).map((x, j) => (j === i ? { ...x, name: detail.value } : x)),
                      )
                    }
                  />
                ),
              },
              {
                label: 'Description',
                control: (t, i) => (
                  <Input
                    value={t.description}
                    ariaLabel={`Tool ${i + 1} description`}
                    onChange={({ detail }) =>
                      set(
                        'tools',
                        (v.tools ?? []).map((x, j) => (j === i ? { ...x, description: detail.value } : x)),
                      )
                    }
                  />
                ),
              },
              {
                label: 'URL',
                control: (t, i) => (
                  <Input
                    value={t.url ?? ''}
                    ariaLabel={`Tool ${i + 1} URL`}
                    onChange={({ detail }) =>
                      set(
                        'tools',
                        (v.tools ?? []).map((x, j) => (j === i ? { ...x, url: detail.value || undefined } : x)),
                      )
                    }
                  />
                ),
              },
            ]}
          />
        </FormField>
        <FormField label="Transfer-call targets" errorText={errorOf('transferTargets')} stretch>
          <AttributeEditor
            items={v.transferTargets ?? []}
            addButtonText="Add transfer target"
            removeButtonText="Remove"
            empty="No transfer targets."
            onAddButtonClick={() => set('transferTargets', [...(v.transferTargets ?? []), { name: '', number: '' }])}
            onRemoveButtonClick={({ detail }) =>
              set(
                'transferTargets',
                (v.transferTargets ?? []).filter((_, i) => i !== detail.itemIndex),
              )
            }
            definition={[
              {
                label: 'Name',
                control: (t, i) => (
                  <Input
                    value={t.name}
                    ariaLabel={`Target ${i + 1} name`}
                    onChange={({ detail }) =>
                      set(
                        'transferTargets',
                        (v.transferTargets ?? []).map((x, j) => (j === i ? { ...x, name: detail.value } : x)),
                      )
                    }
                  />
                ),
              },
              {
                label: 'Number (E.164)',
                control: (t, i) => (
                  <Input
                    value={t.number}
                    ariaLabel={`Target ${i + 1} number`}
                    onChange={({ detail }) =>
                      set(
                        'transferTargets',
                        (v.transferTargets ?? []).map((x, j) => (j === i ? { ...x, number: detail.value } : x)),
                      )
                    }
                  />
                ),
              },
            ]}
          />
        </FormField>
        <FormField label="Allowed SIP headers" description="X- header names, separated by commas." errorText={errorOf('allowedSipHeaders')}>
          <Input
            value={(v.allowedSipHeaders ?? []).join(', ')}
            onChange={({ detail }) =>
              set(
                'allowedSipHeaders',
                detail.value
                  .split(',')
                  .map((h) => h.trim())
                  .filter(Boolean),
              )
            }
            ariaLabel="Allowed SIP headers"
          />
        </FormField>
        {nullableText(
          'analysisPrompt',
          'Analysis prompt',
          'Run after each call; declare fields as {{analysis.name: type - description}}.',
          4,
        )}
        {nullableText('qcPrompt', 'QC prompt', 'Quality control after each call; fields as {{qc.name: type - description}}.', 4)}
        <FormField
          label="CRM pre-fetch URL"
          description="Called before each call for customer data; empty for none."
          errorText={errorOf('crmPrefetch')}
        >
          <Input
            value={v.crmPrefetch?.url ?? ''}
            onChange={({ detail }) =>
              set('crmPrefetch', detail.value ? { url: detail.value, enabled: v.crmPrefetch?.enabled ?? true } : null)
            }
            ariaLabel="CRM pre-fetch URL"
          />
        </FormField>
        <FormField
          label="Post-call push URL"
          description="Receives the call's result, analysis and QC; empty for none."
          errorText={errorOf('postCallPush')}
        >
          <Input
            value={v.postCallPush?.url ?? ''}
            onChange={({ detail }) =>
              set('postCallPush', detail.value ? { url: detail.value, enabled: v.postCallPush?.enabled ?? true } : null)
            }
            ariaLabel="Post-call push URL"
          />
        </FormField>
      </>,
    ),
    widget: section(
      'Widget',
      <>
        <FormField
          label="Allowed website domains"
          description={
            reason('admin')
              ? `${reason('admin')} Members see the domains only.`
              : 'Type a domain and press Enter; empty allows every website.'
          }
          errorText={errorOf('allowedDomains')}
        >
          <DomainTokens value={v.allowedDomains ?? []} onChange={(d) => set('allowedDomains', d)} readOnly={Boolean(reason('admin'))} />
        </FormField>
        {textInput('color', 'Color', 'Hex, e.g. #1292EE.')}
        {select('icon', ICONS, 'Chat bubble icon', { render: (x) => x })}
        {select('alignment', ALIGNMENTS, 'Alignment')}
        <FormField label="Dialog icon" errorText={errorOf('botIcon')}>
          <Select
            selectedOption={
              v.botIcon === undefined ? null : { value: String(v.botIcon), label: v.botIcon === false ? 'None' : String(v.botIcon) }
            }
            placeholder="Default"
            options={[{ value: 'false', label: 'None' }, ...optionsOf(BOT_ICONS, (x) => x)]}
            onChange={({ detail }) =>
              set('botIcon', detail.selectedOption.value === 'false' ? false : (detail.selectedOption.value as never))
            }
            ariaLabel="Dialog icon"
          />
        </FormField>
        {check('branding', 'Show branding', 'Shows "Powered by" in the widget.')}
        {textInput('supportLink', 'Support link', 'Shown after the bot replies; empty for none.')}
        {LABEL_KEYS.map((k) => (
          <FormField key={k} label={`Label: ${labelOf(k.replace(/([A-Z])/g, ' $1').toLowerCase())}`} errorText={errorOf(`labels.${k}`)}>
            <Input
              value={labels[k] ?? ''}
              onChange={({ detail }) => set('labels', { ...labels, [k]: detail.value })}
              ariaLabel={`Label ${k}`}
            />
          </FormField>
        ))}
      </>,
    ),
  };

  return (
    <SpaceBetween size="l">
      {bot ? <LockBanner bot={bot} /> : null}
      {problem ? (
        <Alert type="error" header={problem.title ?? 'Could not save'}>
          {problem.detail}
          {problem.errors?.length ? (
            <ul>
              {problem.errors.map((e) => (
                <li key={`${e.path}:${e.message}`}>
                  {e.step ? `${STEPS.find((s) => s.id === e.step)?.title ?? e.step}: ` : ''}
                  {e.path} {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <Wizard
        activeStepIndex={step}
        onNavigate={({ detail }) => setStep(detail.requestedStepIndex)}
        onCancel={() => navigate(bot ? `/bots/${bot.id}` : '/bots')}
        onSubmit={() => void submit()}
        isLoadingNextStep={saving}
        allowSkipTo
        submitButtonText={bot ? 'Save Changes' : 'Create bot'}
        i18nStrings={{
          stepNumberLabel: (n) => `Step ${n}`,
          collapsedStepsLabel: (n, total) => `Step ${n} of ${total}`,
          skipToButtonLabel: (s) => `Skip to ${s.title}`,
          navigationAriaLabel: 'Steps',
          cancelButton: bot ? 'Cancel editing' : 'Cancel',
          previousButton: 'Previous',
          nextButton: 'Continue',
          optional: 'optional',
        }}
        steps={STEPS.map((s, i) => ({
          title: s.title,
          // Only the name is required (on create); every other step keeps the API's defaults or the saved values.
          isOptional: i > 0,
          errorText: problem?.errors?.some((e) => e.step === s.id) ? 'Fix the fields below.' : undefined,
          content: content[s.id],
        }))}
      />
    </SpaceBetween>
  );
}

function DomainTokens({ value, onChange, readOnly }: { value: string[]; onChange: (d: string[]) => void; readOnly: boolean }) {
  const [draft, setDraft] = useState('');
  return (
    <SpaceBetween size="xs">
      <Input
        value={draft}
        placeholder="https://yourwebsite.com"
        ariaLabel="Add an allowed domain"
        disabled={readOnly}
        onChange={({ detail }) => setDraft(detail.value)}
        onKeyDown={({ detail }) => {
          if (detail.key !== 'Enter' || !draft.trim()) return;
          if (!value.includes(draft.trim())) onChange([...value, draft.trim()]);
          setDraft('');
        }}
      />
      <TokenGroup
        items={value.map((d) => ({ label: d, dismissLabel: `Remove ${d}` }))}
        onDismiss={({ detail }) => onChange(value.filter((_, i) => i !== detail.itemIndex))}
      />
    </SpaceBetween>
  );
}
