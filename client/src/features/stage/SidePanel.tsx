import { isDiscussant } from '@plenary/shared';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { type TabSpec, Tabs } from '../../components/Tabs.tsx';
import { showPanel } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair, selectWaiting } from '../../stores/selectors.ts';
import type { PanelTab } from '../../stores/slices/ui.ts';
import type { AppState } from '../../stores/state.ts';
import { AgendaPanel } from '../agenda/AgendaPanel.tsx';
import { BreakoutsPanel } from '../breakouts/BreakoutsPanel.tsx';
import { ChatPanel } from '../chat/ChatPanel.tsx';
import { EditionsPanel, GroupsPanel, InvitePanel, LobbyList, ReportPanel } from '../console/chairOnly.tsx';
import { LibraryPanel } from '../library/LibraryPanel.tsx';
import { RoomNotesTab } from '../notes/NotesPanel.tsx';
import { OutcomesPanel } from '../outcomes/OutcomesPanel.tsx';
import { ReportBackCard } from '../outcomes/ReportBackCard.tsx';
import { awaitingAnswer, awaitingReview, hasOwnGroup } from '../outcomes/tabBadges.ts';
import { DecisionsPanel } from '../proposals/DecisionsPanel.tsx';
import { SpeakersPanel } from '../queue/SpeakersPanel.tsx';
import { AttendancePanel } from '../stats/lazy.tsx';
import { ParticipantList } from './ParticipantList.tsx';

interface Badges {
  chair: boolean;
  waiting: number;
  queue: number;
  help: number;
  breakoutOpen: boolean;
  /** not a chair, and in (or once in) a breakout group: the Outcomes tab */
  group: boolean;
  /** proposals and polls waiting for this person's answer */
  toAnswer: number;
  /** chairs: groups whose submitted outcomes wait to be accepted */
  toReview: number;
}

const selectBadges = (state: AppState): Badges => {
  const chair = selectIsChair(state);
  const open = state.workshop?.breakouts.open;
  return {
    chair,
    waiting: chair ? selectWaiting(state).length : 0,
    queue: state.workshop?.queue.entries.length ?? 0,
    // Chairs see every open request; others see their own.
    help: open ? open.help.length : 0,
    breakoutOpen: Boolean(open),
    group: !chair && hasOwnGroup(state),
    toAnswer: awaitingAnswer(state),
    toReview: chair ? awaitingReview(state) : 0,
  };
};

type PanelTabSpec = Omit<TabSpec<PanelTab>, 'label'>;

/**
 * Which tabs someone sees: everyone reads, writes notes and decides; a group's members see its
 * outcomes; everyone reads the library; chairs follow every group, download the report, hand out
 * invitations and start the next edition.
 */
export function panelTabs({ chair, waiting, queue, help, group, toAnswer, toReview }: Badges): PanelTabSpec[] {
  const tabs: PanelTabSpec[] = [
    { id: 'people', badge: waiting },
    { id: 'agenda' },
    { id: 'speakers', badge: queue },
    { id: 'breakouts', badge: chair ? help : 0 },
    { id: 'chat' },
    { id: 'notes' },
    { id: 'library' },
  ];
  if (group) tabs.push({ id: 'outcomes' });
  if (chair) tabs.push({ id: 'groups', badge: toReview });
  tabs.push({ id: 'decisions', badge: toAnswer });
  return chair ? [...tabs, { id: 'report' }, { id: 'invite' }, { id: 'editions' }] : tabs;
}

/** A chair alone in the workshop is pointed at the invitation links. */
function InviteHint() {
  const { t } = useTranslation('stage');
  const alone = useAppStore((state) => Object.keys(state.workshop?.participants ?? {}).length <= 1);
  if (!alone) return null;
  return (
    <p className="hint">
      {t('people.aloneHint')}{' '}
      <button type="button" className="small" onClick={() => showPanel('invite')}>
        {t('people.showInvites')}
      </button>
    </p>
  );
}

export function SidePanel() {
  const { t } = useTranslation('stage');
  const badges = useAppStore(useShallow(selectBadges));
  const selected = useAppStore((state) => state.panel);
  const role = useAppStore((state) => (state.selfId ? state.workshop?.participants[state.selfId]?.role : undefined));
  const tabs = panelTabs(badges).map((tab) => ({ ...tab, label: t(`tab.${tab.id}`) }));
  const current = tabs.some((tab) => tab.id === selected) ? selected : 'people';
  return (
    <aside className="side-panel" aria-label={t('panel.label')}>
      <Suspense fallback={null}>
        <ReportBackCard />
      </Suspense>
      <Tabs label={t('panel.tabs')} tabs={tabs} selected={current} onSelect={showPanel}>
        {current === 'people' && (
          <>
            {badges.chair && <LobbyList />}
            {badges.chair && <InviteHint />}
            <ParticipantList />
          </>
        )}
        {current === 'agenda' && <AgendaPanel />}
        {current === 'speakers' && <SpeakersPanel canSpeak={role !== undefined && role !== 'observer'} />}
        {current === 'breakouts' && <BreakoutsPanel canAskForHelp={role !== undefined && isDiscussant(role)} />}
        {current === 'chat' && <ChatPanel canWrite={role !== undefined && role !== 'observer'} />}
        {current === 'notes' && <RoomNotesTab />}
        {current === 'library' && <LibraryPanel />}
        {current === 'outcomes' && <OutcomesPanel />}
        {current === 'groups' && <GroupsPanel />}
        {current === 'decisions' && <DecisionsPanel />}
        {current === 'report' && (
          <>
            <ReportPanel />
            <AttendancePanel />
          </>
        )}
        {current === 'invite' && <InvitePanel />}
        {current === 'editions' && <EditionsPanel />}
      </Tabs>
    </aside>
  );
}
