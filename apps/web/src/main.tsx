import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { startSessionSync } from './lib/session';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Starts restoring the session before React renders, so the request is already on its way.
startSessionSync();

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
