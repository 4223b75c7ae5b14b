import { inviteLink, ROLES, type Role } from '@plenary/shared';
import { useEffect, useState } from 'react';
import { roleLabel } from '../../lib/roles.ts';
import { loadInvites } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';

const PURPOSE: Record<Role, string> = {
  facilitator: 'runs the workshop',
  'co-facilitator': 'helps run it',
  rapporteur: 'takes part and reports on a group',
  delegate: 'takes part',
  observer: 'watches and listens',
  'room-device': 'a shared screen in a meeting room',
};

/** Chairs: one link per role, to send to the people who should join with it. */
export function InvitePanel() {
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
        <p role="status">{loading ? 'Preparing invitation links…' : 'The invitation links could not be made.'}</p>
        {!loading && (
          <button type="button" className="small" onClick={load}>
            Try again
          </button>
        )}
      </div>
    );
  }
  const origin = window.location.origin;
  return (
    <div className="invites">
      <p className="muted small-print">
        Anyone with a link joins with its role. Send delegates the delegate link; keep the facilitator link to yourself.
      </p>
      <ul className="plain-list">
        {ROLES.map((role) => (
          <InviteRow key={role} role={role} link={inviteLink(origin, tokens[role])} />
        ))}
      </ul>
      <button type="button" className="small" disabled={loading} onClick={load}>
        Make new links
      </button>
    </div>
  );
}

function InviteRow({ role, link }: { role: Role; link: string }) {
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
        <strong>{roleLabel(role)}</strong> <span className="muted">· {PURPOSE[role]}</span>
      </label>
      <div className="row">
        <input id={id} readOnly value={link} onFocus={(event) => event.target.select()} />
        <button
          type="button"
          className="small"
          aria-label={`Copy ${roleLabel(role).toLowerCase()} link`}
          onClick={copy}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </li>
  );
}
