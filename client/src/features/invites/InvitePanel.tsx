import { inviteLink, ROLES, type Role } from '@plenary/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadInvites } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';

/** Chairs: one link per role, to send to the people who should join with it. */
export function InvitePanel() {
  const { t } = useTranslation('invites');
  const tokens = useAppStore((state) =>
    state.invites && state.invites.workshopId === state.workshopId ? state.invites.tokens : null,
  );
  const [loading, setLoading] = useState(false);
  // Once per visit to the panel: a refusal is shown as a notice, not retried in a loop.
  const [tried, setTried] = useState(false);
  const load = () => {
    setTried(true);
    setLoading(true);
    void loadInvites().finally(() => setLoading(false));
  };
  useEffect(() => {
    if (!tokens && !tried) load();
  });
  if (!tokens) {
    return (
      <div className="invites">
        <p role="status">{loading ? t('preparing') : t('failed')}</p>
        {!loading && (
          <button type="button" className="small" onClick={load}>
            {t('tryAgain')}
          </button>
        )}
      </div>
    );
  }
  const origin = window.location.origin;
  return (
    <div className="invites">
      <p className="muted small-print">{t('explain')}</p>
      <ul className="plain-list">
        {ROLES.map((role) => (
          <InviteRow key={role} role={role} link={inviteLink(origin, tokens[role])} />
        ))}
      </ul>
      <button type="button" className="small" disabled={loading} onClick={load}>
        {t('renew')}
      </button>
    </div>
  );
}

function InviteRow({ role, link }: { role: Role; link: string }) {
  const { t } = useTranslation(['invites', 'common']);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Without clipboard access the person can still select the link by hand.
      setCopied(false);
    }
  };
  const id = `invite-${role}`;
  return (
    <li className="invite-row">
      <label htmlFor={id}>
        <strong>{t(`common:role.${role}`)}</strong> <span className="muted">· {t(`purpose.${role}`)}</span>
      </label>
      <div className="row">
        <input id={id} readOnly value={link} onFocus={(event) => event.target.select()} />
        <button type="button" className="small" aria-label={t(`copyLink.${role}`)} onClick={copy}>
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
    </li>
  );
}
