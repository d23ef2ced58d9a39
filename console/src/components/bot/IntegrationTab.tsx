import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { Bot, Variable } from '../../api/types';
import { useSession } from '../../app/session';
import { Loading, LoadError } from '../states';

const NAMESPACES: { id: 'call' | 'crm' | 'result' | 'analysis' | 'qc' | 'system'; about: string }[] = [
  { id: 'call', about: 'Values about the call itself (the phone number, SIP headers).' },
  { id: 'crm', about: 'Customer data fields you send in, with examples from this bot’s prompts.' },
  { id: 'result', about: 'Outcome values produced when the call finishes.' },
  { id: 'analysis', about: 'Fields from the post-call analysis prompt.' },
  { id: 'qc', about: 'Fields from the quality-control prompt.' },
  { id: 'system', about: 'System-provided values such as timestamps.' },
];

/** Generated from the bot: its variables by namespace, the dialout endpoint and ready-to-run snippets. */
export function IntegrationTab({ bot }: { bot: Bot }) {
  const { teamId } = useSession();
  const integration = useQuery({
    queryKey: ['integration', teamId, bot.id, bot.updatedAt],
    queryFn: () => call(api.GET('/api/teams/{teamId}/bots/{botId}/integration', { params: { path: { teamId, botId: bot.id } } })),
  });
  if (integration.isPending) return <Loading text="Loading integration" />;
  if (integration.isError) return <LoadError error={integration.error} onRetry={() => void integration.refetch()} />;
  const { variables, dialout, snippets, warnings } = integration.data;
  return (
    <SpaceBetween size="l">
      {warnings.length ? (
        <Alert type="warning" header="Check this bot’s prompts">
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Container
        header={
          <Header variant="h2" description="The template variables the bot can receive and use, and what comes back after a call.">
            Variable reference
          </Header>
        }
      >
        <SpaceBetween size="s">
          {NAMESPACES.map((ns) => (
            <ExpandableSection
              key={ns.id}
              defaultExpanded={ns.id === 'crm'}
              headerText={`${ns.id}.* (${variables[ns.id].length})`}
              headerDescription={ns.about}
            >
              <VariableTable items={variables[ns.id]} namespace={ns.id} />
            </ExpandableSection>
          ))}
        </SpaceBetween>
      </Container>
      <Container
        header={
          <Header variant="h2" description="Trigger an outbound call to this bot from your CRM.">
            Dialout endpoint and code snippets
          </Header>
        }
      >
        <SpaceBetween size="l">
          <KeyValuePairs
            columns={2}
            items={[
              { label: 'Method', value: dialout.method },
              {
                label: 'Endpoint',
                value: (
                  <CopyToClipboard
                    variant="inline"
                    textToCopy={dialout.url}
                    copyButtonAriaLabel="Copy endpoint"
                    copySuccessText="Copied"
                    copyErrorText="Could not copy"
                  />
                ),
              },
            ]}
          />
          <Tabs
            ariaLabel="Code snippets"
            tabs={[
              { id: 'curl', label: 'curl', content: <Snippet code={snippets.curl} name="curl" /> },
              { id: 'python', label: 'Python', content: <Snippet code={snippets.python} name="Python" /> },
              { id: 'node', label: 'Node.js', content: <Snippet code={snippets.node} name="Node.js" /> },
            ]}
          />
        </SpaceBetween>
      </Container>
    </SpaceBetween>
  );
}

function VariableTable({ items, namespace }: { items: Variable[]; namespace: string }) {
  return (
    <Table
      variant="embedded"
      items={items}
      trackBy="name"
      ariaLabels={{ tableLabel: `${namespace} variables` }}
      empty={<Box color="text-body-secondary">No {namespace} variables for this bot.</Box>}
      columnDefinitions={[
        {
          id: 'name',
          header: 'Variable',
          cell: (v) => <Box variant="code">{`{{${v.name.startsWith(`${namespace}.`) ? v.name : `${namespace}.${v.name}`}}}`}</Box>,
          isRowHeader: true,
        },
        { id: 'type', header: 'Type', cell: (v) => (v.values?.length ? `${v.type}: ${v.values.join(' | ')}` : v.type) },
        { id: 'description', header: 'Description', cell: (v) => v.description || '--' },
        { id: 'example', header: 'Example', cell: (v) => v.example || v.sampleValue || '--' },
      ]}
    />
  );
}

function Snippet({ code, name }: { code: string; name: string }) {
  return (
    <SpaceBetween size="s">
      <CopyToClipboard
        variant="button"
        textToCopy={code}
        copyButtonText="Copy"
        copyButtonAriaLabel={`Copy the ${name} snippet`}
        copySuccessText="Copied"
        copyErrorText="Could not copy"
      />
      <Box variant="pre" fontSize="body-s">
        <Box variant="code">{code}</Box>
      </Box>
    </SpaceBetween>
  );
}
