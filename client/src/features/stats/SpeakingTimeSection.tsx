import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../lib/useNow.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { SpeakingTimeChart } from './SpeakingTimeChart.tsx';
import { type SpeakingScope, speakingTimeByOrganisation } from './speakingTime.ts';
import './stats.css';

/** Chairs: how long each organisation has spoken, for the whole workshop or the item under way; live. */
export function SpeakingTimeSection() {
  const { t } = useTranslation('stats');
  const headingId = useId();
  const queue = useAppStore((state) => state.workshop?.queue);
  const participants = useAppStore((state) => state.workshop?.participants);
  const currentItemId = useAppStore((state) => state.workshop?.currentItem?.itemId ?? null);
  const [scopeKind, setScopeKind] = useState<SpeakingScope['kind']>('workshop');
  const running = Boolean(queue?.turn);
  // The running turn's bar grows by the second.
  const now = useNow(1000, running);
  // "The item under way" means nothing between items: the whole workshop is shown then.
  const itemScope = scopeKind === 'item' && currentItemId !== null;
  const scope: SpeakingScope = itemScope ? { kind: 'item', agendaItemId: currentItemId } : { kind: 'workshop' };
  // Cheap to compute (one pass over the turns) and it changes every second while someone speaks.
  const rows = queue && participants ? speakingTimeByOrganisation(queue, participants, now, scope) : [];
  const anyone = rows.some((row) => row.ms > 0);
  return (
    <section className="panel-section speaking-time" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{t('title')}</h2>
        <label className="speaking-scope">
          <span className="visually-hidden">{t('scopeLabel')}</span>
          <select
            value={itemScope ? 'item' : 'workshop'}
            onChange={(event) => setScopeKind(event.target.value as SpeakingScope['kind'])}
          >
            <option value="workshop">{t('scope.workshop')}</option>
            <option value="item" disabled={currentItemId === null}>
              {t('scope.item')}
            </option>
          </select>
        </label>
      </div>
      {anyone ? <SpeakingTimeChart rows={rows} /> : <p className="muted">{t('nobodyYet')}</p>}
      <p className="muted small-print">{t('hint')}</p>
    </section>
  );
}
