import AppLayout from '@cloudscape-design/components/app-layout-toolbar';
import BreadcrumbGroup, { type BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, lazy, Suspense, useContext, useEffect, useMemo, useState } from 'react';
import { matchPath, Navigate, Route, Routes, useLocation } from 'react-router';
import type { Me } from '../api/types';
import { Loading, LoadError } from '../components/states';
import { BotsPage } from '../pages/BotsPage';
import { SignInPage } from '../pages/SignInPage';
import { FlashProvider, Notifications } from './flash';
import { useFollow } from './links';
import { ROLE_LABEL, rememberedMe, SessionProvider, takeKeyFromFragment, useSession, whoAmI } from './session';

// Every page but sign-in and the bot list loads on first visit, so the first paint carries only what it shows.
const BotDetailPage = lazy(() => import('../pages/BotDetailPage'));
const BotWizardPage = lazy(() => import('../pages/BotWizardPage'));
const ConfigurePage = lazy(() => import('../pages/ConfigurePage'));
const ContactsPage = lazy(() => import('../pages/ContactsPage'));
const CallsPage = lazy(() => import('../pages/CallsPage'));
const CallDetailPage = lazy(() => import('../pages/CallDetailPage'));
const BotAgentsPage = lazy(() => import('../pages/BotAgentsPage'));
const CampaignsPage = lazy(() => import('../pages/CampaignsPage'));
const CampaignDetailPage = lazy(() => import('../pages/CampaignDetailPage'));
const PhoneNumbersPage = lazy(() => import('../pages/PhoneNumbersPage'));
const AuditLogsPage = lazy(() => import('../pages/AuditLogsPage'));
const CampaignSettingsPage = lazy(() => import('../pages/CampaignSettingsPage'));
const TeamPage = lazy(() => import('../pages/TeamPage'));
const DncPage = lazy(() => import('../pages/DncPage'));
const TeamSettingsPage = lazy(() => import('../pages/TeamSettingsPage'));

/** The side navigation's Sign out entry (not a page: it ends the session). */
const SIGN_OUT = '#sign-out';

const Crumbs = createContext<(items: BreadcrumbGroupProps.Item[]) => void>(() => undefined);

/** A page names its place in the console; the layout shows it as breadcrumbs. */
export function useBreadcrumbs(items: BreadcrumbGroupProps.Item[]) {
  const set = useContext(Crumbs);
  const key = JSON.stringify(items);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the items are compared by value (key)
  useEffect(() => set(items), [key, set]);
}

export function App() {
  // A reload paints with the remembered member while GET /api/me checks the key again (a refused key signs out).
  const me = useQuery({
    queryKey: ['me'],
    queryFn: whoAmI,
    staleTime: 300_000,
    retry: false,
    initialData: rememberedMe,
    initialDataUpdatedAt: 0,
  });
  const [signedOut, setSignedOut] = useState(false);
  const queryClient = useQueryClient();
  // A sign-in link opened in a tab that already shows the console changes only the fragment.
  useEffect(() => {
    const onHash = () => {
      if (!takeKeyFromFragment()) return;
      queryClient.clear();
      setSignedOut(false);
      void me.refetch();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [me, queryClient]);
  if (me.isPending) return <Loading text="Signing in" />;
  if (me.isError) return <LoadError header="The botops API did not answer" error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data || signedOut)
    return (
      <SignInPage
        onSignedIn={() => {
          setSignedOut(false);
          void me.refetch();
        }}
      />
    );
  return (
    <SessionProvider me={me.data} onSignOut={() => setSignedOut(true)}>
      <FlashProvider>
        <Shell me={me.data} />
      </FlashProvider>
    </SessionProvider>
  );
}

function Shell({ me }: { me: Me }) {
  const { signOut } = useSession();
  const follow = useFollow();
  const location = useLocation();
  const [crumbs, setCrumbs] = useState<BreadcrumbGroupProps.Item[]>([]);
  const [navOpen, setNavOpen] = useState(true);
  const botMatch = matchPath('/bots/:botId/*', location.pathname);
  const botId = botMatch?.params.botId && botMatch.params.botId !== 'new' ? botMatch.params.botId : undefined;
  const navItems = useMemo<SideNavigationProps.Item[]>(() => {
    const items: SideNavigationProps.Item[] = [{ type: 'link', text: 'Bots', href: '/bots' }];
    const account: SideNavigationProps.Item = {
      type: 'section-group',
      title: `Signed in: ${ROLE_LABEL[me.role]}`,
      items: [
        { type: 'link', text: me.email, href: '/team' },
        { type: 'link', text: 'Sign out', href: SIGN_OUT },
      ],
    };
    if (botId)
      items.push({
        type: 'section',
        text: 'This bot',
        items: [
          { type: 'link', text: 'Overview', href: `/bots/${botId}` },
          { type: 'link', text: 'Configure', href: `/bots/${botId}/configure` },
          { type: 'link', text: 'Contacts', href: `/bots/${botId}/contacts` },
          { type: 'link', text: 'Calls', href: `/bots/${botId}/calls` },
        ],
      });
    items.push(
      { type: 'section', text: 'Bots Status', items: [{ type: 'link', text: 'Bot Agents', href: '/bot-agents' }] },
      { type: 'link', text: 'Campaigns', href: '/campaigns' },
      { type: 'link', text: 'Phone numbers', href: '/phone-numbers' },
      { type: 'divider' },
      { type: 'link', text: 'Audit logs', href: '/audit-logs' },
      {
        type: 'section',
        text: 'Team',
        items: [
          { type: 'link', text: 'Members and API keys', href: '/team' },
          { type: 'link', text: 'Do-not-call list', href: '/team/dnc' },
          { type: 'link', text: 'Settings', href: '/team/settings' },
        ],
      },
      { type: 'divider' },
      account,
    );
    return items;
  }, [botId, me]);
  const active = activeHref(location.pathname, botId);
  return (
    <>
      <Crumbs.Provider value={setCrumbs}>
        <AppLayout
          navigationOpen={navOpen}
          onNavigationChange={({ detail }) => setNavOpen(detail.open)}
          navigation={
            <SideNavigation
              header={{ text: `botops · ${me.teamName}`, href: '/bots' }}
              items={navItems}
              activeHref={active}
              onFollow={(event) => {
                if (event.detail.href !== SIGN_OUT) return follow(event);
                event.preventDefault();
                signOut();
              }}
            />
          }
          breadcrumbs={crumbs.length ? <BreadcrumbGroup items={crumbs} onFollow={follow} ariaLabel="Breadcrumbs" /> : undefined}
          notifications={<Notifications />}
          toolsHide
          ariaLabels={{
            navigation: 'Side navigation',
            navigationClose: 'Close side navigation',
            navigationToggle: 'Open side navigation',
            notifications: 'Notifications',
          }}
          content={
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/" element={<Navigate to="/bots" replace />} />
                <Route path="/bots" element={<BotsPage />} />
                <Route path="/bots/new" element={<BotWizardPage />} />
                <Route path="/bots/:botId" element={<BotDetailPage />} />
                <Route path="/bots/:botId/edit" element={<BotWizardPage />} />
                <Route path="/bots/:botId/configure" element={<ConfigurePage />} />
                <Route path="/bots/:botId/contacts" element={<ContactsPage />} />
                <Route path="/bots/:botId/contacts/:contactId" element={<ContactsPage />} />
                <Route path="/bots/:botId/calls" element={<CallsPage />} />
                <Route path="/calls/:callId" element={<CallDetailPage />} />
                <Route path="/bot-agents" element={<BotAgentsPage />} />
                <Route path="/campaigns" element={<CampaignsPage />} />
                <Route path="/campaigns/:campaignId" element={<CampaignDetailPage />} />
                <Route path="/campaigns/:campaignId/edit" element={<CampaignSettingsPage />} />
                <Route path="/phone-numbers" element={<PhoneNumbersPage />} />
                <Route path="/audit-logs" element={<AuditLogsPage />} />
                <Route path="/team" element={<TeamPage />} />
                <Route path="/team/dnc" element={<DncPage />} />
                <Route path="/team/settings" element={<TeamSettingsPage />} />
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Suspense>
          }
        />
      </Crumbs.Provider>
    </>
  );
}

function activeHref(path: string, botId: string | undefined): string {
  if (botId) {
    for (const sub of ['configure', 'contacts', 'calls']) if (path.startsWith(`/bots/${botId}/${sub}`)) return `/bots/${botId}/${sub}`;
    return `/bots/${botId}`;
  }
  if (path.startsWith('/team/dnc') || path.startsWith('/team/settings')) return path.split('/').slice(0, 3).join('/');
  const first = `/${path.split('/')[1] ?? ''}`;
  return first === '/calls' ? '/bots' : first;
}

function NotFound() {
  useBreadcrumbs([{ text: 'botops', href: '/bots' }]);
  return <LoadError header="Page not found" error={new Error('There is no console page at this address.')} />;
}
