import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { startI18n } from './i18n/i18n.ts';
import { start } from './session/actions.ts';
import './styles/base.css';
import './styles/entry.css';
import './styles/stage.css';
import './styles/panels.css';
import './styles/features.css';
import './styles/notes.css';
import './styles/library.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Routing (and resuming with a stored token) starts before the first render, so a reload goes
// straight to "Joining…" instead of flashing the form.
start();
void startI18n();

// Each screen suspends until its namespace's translations arrive (a small chunk, fetched once).
createRoot(container).render(
  <StrictMode>
    <Suspense fallback={<p className="loading-screen">…</p>}>
      <App />
    </Suspense>
  </StrictMode>,
);
