// What only facilitators and co-facilitators use, loaded when first shown: a delegate's browser
// never downloads the breakout console, the agenda editor, invitations, the report, editions, the
// library's upload and present forms or the lobby's admission list. Import them from here, not from
// their own modules, or they fall back into the entry chunk.
import { type ComponentType, lazy, Suspense } from 'react';

/** A component loaded on first render, with a quiet placeholder (no words) while it arrives. */
function deferred(load: () => Promise<ComponentType>): ComponentType {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function Deferred() {
    return (
      <Suspense fallback={<p className="muted panel-loading" aria-busy="true" />}>
        <Lazy />
      </Suspense>
    );
  };
}

export const ChairBreakouts = deferred(() =>
  import('../breakouts/ChairBreakouts.tsx').then((module) => module.ChairBreakouts),
);
export const AgendaEditor = deferred(() => import('../agenda/AgendaEditor.tsx').then((module) => module.AgendaEditor));
export const InvitePanel = deferred(() => import('../invites/InvitePanel.tsx').then((module) => module.InvitePanel));
export const ReportPanel = deferred(() => import('../report/ReportPanel.tsx').then((module) => module.ReportPanel));
export const EditionsPanel = deferred(() =>
  import('../series/EditionsPanel.tsx').then((module) => module.EditionsPanel),
);
export const GroupsPanel = deferred(() => import('../outcomes/GroupsPanel.tsx').then((module) => module.GroupsPanel));
export const UploadForm = deferred(() => import('../library/UploadForm.tsx').then((module) => module.UploadForm));
export const PresentForm = deferred(() =>
  import('../presentation/PresentForm.tsx').then((module) => module.PresentForm),
);
export const LobbyList = deferred(() => import('../lobby/LobbyList.tsx').then((module) => module.LobbyList));
