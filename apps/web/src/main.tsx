import './lib/zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { startSessionSync } from './lib/session';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Starts restoring the session before React renders, so the request is already on its way.
startSessionSync();
// Whoever opens the home page is usually signed in: fetch the task screen's code while the session
// restores rather than after (the route's own lazy import then finds it loaded).
if (window.location.pathname === '/') void import('./routes/home');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
