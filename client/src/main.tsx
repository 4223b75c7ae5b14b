import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
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

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
