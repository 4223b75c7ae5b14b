import { type FormEvent, useMemo, useState } from 'react';
import { EntryCard } from '../../components/EntryCard.tsx';
import { Field } from '../../components/Field.tsx';
import { Notices } from '../../components/Notices.tsx';
import { roleWithArticle } from '../../lib/roles.ts';
import { browserTimeZone, knownTimeZones } from '../../lib/time.ts';
import { credentials, hasStoredToken, joinWithInvite } from '../../session/actions.ts';
import { readInvite } from '../../session/credentials.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { DeviceCheckSection } from '../devices/lazy.tsx';
import { browserLanguage, PROFILE_LABELS, type ProfileDraft, type ProfileField, readProfile } from './profileForm.ts';

/** `/join#<token>`: a first visit introduces itself; a device that joined before is resumed instead. */
export function JoinScreen({ token }: { token: string }) {
  const invite = useMemo(() => readInvite(token), [token]);
  const joining = useAppStore((state) => state.phase === 'joining');
  if (!invite) {
    return (
      <EntryCard title="Join a workshop">
        <p role="alert" className="form-problem">
          This invitation link is incomplete or damaged. Copy the whole link from your invitation, or ask the
          facilitator for a new one.
        </p>
      </EntryCard>
    );
  }
  if (joining && hasStoredToken(invite.workshopId)) {
    return (
      <EntryCard title="Welcome back">
        <p role="status">Joining the workshop…</p>
      </EntryCard>
    );
  }
  const expired = invite.expiresAt !== null && invite.expiresAt < Date.now();
  return (
    <EntryCard title="Join the workshop">
      <p className="lead">
        You are invited as {roleWithArticle(invite.role)}. Tell the other participants who you are; this device will
        remember you for next time.
      </p>
      {expired && (
        <p role="alert" className="form-problem">
          This invitation has expired. Ask the facilitator for a new link.
        </p>
      )}
      <DeviceCheckSection sends={invite.role !== 'observer'} />
      <ProfileForm token={token} busy={joining} />
      <Notices topics={['join']} />
    </EntryCard>
  );
}

function ProfileForm({ token, busy }: { token: string; busy: boolean }) {
  const [draft, setDraft] = useState<ProfileDraft>(() => ({
    ...credentials.profile(),
    timeZone: browserTimeZone(),
    language: browserLanguage(),
    email: '',
  }));
  const [problems, setProblems] = useState<Partial<Record<ProfileField, string>>>({});
  const zones = useMemo(knownTimeZones, []);
  const set = (field: ProfileField) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readProfile(draft);
    if (!read.ok) {
      setProblems(read.problems);
      return;
    }
    setProblems({});
    void joinWithInvite(token, read.profile);
  };

  const field = (name: ProfileField) => ({
    label: PROFILE_LABELS[name],
    value: draft[name],
    onValueChange: set(name),
    problem: problems[name] ?? null,
    readOnly: busy,
  });
  const firstProblem = Object.values(problems)[0];
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Field {...field('name')} autoComplete="name" maxLength={80} required />
      <Field {...field('organisation')} autoComplete="organization" maxLength={120} required />
      <Field {...field('country')} autoComplete="country-name" maxLength={64} required />
      <div className="field-row">
        <Field {...field('timeZone')} suggestions={zones} />
        <Field {...field('language')} maxLength={35} hint="e.g. en, fr, pt-BR" />
      </div>
      <Field
        {...field('email')}
        label={
          <>
            Email <span className="optional">(optional)</span>
          </>
        }
        type="email"
        autoComplete="email"
        hint="Only facilitators see it."
      />
      {firstProblem && (
        <p role="alert" className="form-problem">
          {firstProblem}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
        Join
      </button>
      <p role="status" className="join-progress">
        {busy ? 'Joining…' : ''}
      </p>
    </form>
  );
}
