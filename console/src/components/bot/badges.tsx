import Badge from '@cloudscape-design/components/badge';
import StatusIndicator from '@cloudscape-design/components/status-indicator';

/** Active (green): the bot takes calls. Inactive (grey): paused, it answers nobody. */
export function ActiveBadge({ active }: { active: boolean }) {
  return <Badge color={active ? 'green' : 'grey'}>{active ? 'Active' : 'Inactive'}</Badge>;
}

const BOT_STATUS: Record<string, 'success' | 'pending' | 'in-progress'> = {
  ready: 'success',
  pending: 'pending',
  indexing: 'in-progress',
  processing: 'in-progress',
};

export function BotStatus({ status }: { status: string }) {
  return <StatusIndicator type={BOT_STATUS[status] ?? 'info'}>{status.charAt(0).toUpperCase() + status.slice(1)}</StatusIndicator>;
}
