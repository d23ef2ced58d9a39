import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { ReactNode } from 'react';
import { describeError } from '../api/client';

export function Loading({ text = 'Loading' }: { text?: string }) {
  return (
    <Box padding="l" textAlign="center">
      <StatusIndicator type="loading">{text}</StatusIndicator>
    </Box>
  );
}

export function LoadError({
  error,
  onRetry,
  header = 'Could not load this page',
}: {
  error: unknown;
  onRetry?: () => void;
  header?: string;
}) {
  return (
    <Alert type="error" header={header} action={onRetry ? <Button onClick={onRetry}>Retry</Button> : undefined}>
      {describeError(error)}
    </Alert>
  );
}

export function EmptyState({ title, description, action }: { title: string; description?: ReactNode; action?: ReactNode }) {
  return (
    <Box margin={{ vertical: 'xs' }} textAlign="center" color="inherit">
      <SpaceBetween size="m">
        <div>
          <Box variant="strong" color="inherit">
            {title}
          </Box>
          {description ? (
            <Box variant="p" color="inherit">
              {description}
            </Box>
          ) : null}
        </div>
        {action}
      </SpaceBetween>
    </Box>
  );
}
