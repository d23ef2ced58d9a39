import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

/**
 * Every destructive or costly action asks first: the question, Cancel, and the action's own verb. Forms in a dialog use it
 * too: the form is the body, `confirmDisabled` while it cannot be sent.
 */
export function ConfirmModal(props: {
  visible: boolean;
  header: string;
  confirmLabel: string;
  cancelLabel?: string;
  busy?: boolean;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onDismiss: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      visible={props.visible}
      onDismiss={props.onDismiss}
      header={props.header}
      closeAriaLabel="Close dialog"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={props.onDismiss} disabled={props.busy}>
              {props.cancelLabel ?? 'Cancel'}
            </Button>
            <Button variant="primary" onClick={props.onConfirm} loading={props.busy} disabled={props.confirmDisabled} data-testid="confirm">
              {props.confirmLabel}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      {props.children}
    </Modal>
  );
}
