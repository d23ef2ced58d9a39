import { useNavigate } from 'react-router';

type FollowEvent = CustomEvent<{ href?: string; external?: boolean }>;

/**
 * Cloudscape links and buttons with `href` navigate inside the app (no reload) on a plain click; a click with a
 * modifier key keeps the browser's new-tab behaviour (Cloudscape does not fire onFollow for it).
 */
export function useFollow(): (event: FollowEvent) => void {
  const navigate = useNavigate();
  return (event) => {
    const href = event.detail.href;
    if (!href || event.detail.external) return;
    event.preventDefault();
    navigate(href);
  };
}
