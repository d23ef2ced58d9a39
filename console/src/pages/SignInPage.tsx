import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { describeError } from '../api/client';
import { signInWith } from '../app/session';

/**
 * Sign in with an API key. The key is checked with `GET /api/me` and kept in this tab's sessionStorage only.
 * `npm start` prints a link with the key in the `#key=` fragment, which signs in without this form.
 */
export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!key.trim()) {
      setError('Paste an API key.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await signInWith(key);
      if (me) onSignedIn();
      else setError('This API key is not valid: it is unknown, revoked, or its member was removed.');
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main>
      <Box padding={{ vertical: 'xxxl', horizontal: 'l' }}>
        <Grid gridDefinition={[{ colspan: { default: 12, s: 6 }, offset: { default: 0, s: 3 } }]}>
          <ContentLayout
            header={
              <Header variant="h1" description="The control plane for your conversational and voice bots.">
                Sign in to botops
              </Header>
            }
          >
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
            >
              <Form
                actions={
                  <Button variant="primary" loading={busy} formAction="submit">
                    Sign in
                  </Button>
                }
              >
                <Container>
                  <SpaceBetween size="l">
                    <FormField
                      label="API key"
                      description="Paste a botops API key (bo_...). It stays in this browser tab only and is forgotten when you sign out or close the tab."
                      errorText={error ?? undefined}
                    >
                      <Input
                        type="password"
                        value={key}
                        onChange={({ detail }) => setKey(detail.value)}
                        placeholder="bo_..."
                        ariaLabel="API key"
                        autoFocus
                      />
                    </FormField>
                    <Alert type="info" header="Running botops locally?">
                      <code>npm start</code> prints a one-click sign-in link for the Demo Team and saves its key in{' '}
                      <code>.local/dev-credentials.json</code>. An admin creates keys for others on the Team page.
                    </Alert>
                  </SpaceBetween>
                </Container>
              </Form>
            </form>
          </ContentLayout>
        </Grid>
      </Box>
    </main>
  );
}
