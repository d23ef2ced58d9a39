import '@cloudscape-design/global-styles/index.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/App';
import { takeKeyFromFragment } from './app/session';

takeKeyFromFragment();

const queryClient = new QueryClient({
  defaultOptions: {
    // A 4xx will not change by asking again; one retry for a network hiccup or a 5xx.
    queries: {
      retry: (count, error) => count < 1 && !(error as { status?: number }).status,
      staleTime: 10_000,
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
