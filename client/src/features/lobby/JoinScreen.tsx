import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EntryCard } from '../../components/EntryCard.tsx';
import { Field } from '../../components/Field.tsx';
import { Notices } from '../../components/Notices.tsx';
import { useProblemWords } from '../../i18n/useProblemWords.ts';
import { browserTimeZone, knownTimeZones } from '../../lib/time.ts';
import { preloadMediaClient } from '../../media/device.ts';
import { credentials, hasStoredToken, joinWithInvite } from '../../session/actions.ts';
import { readInvite } from '../../session/credentials.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { DeviceCheckSection } from '../devices/lazy.tsx';
import {
  browserLanguage,
  type ProfileDraft,
  type ProfileField,
  type ProfileProblems,
  readProfile,
} from './profileForm.ts';

/** `/join#<token>`: a first visit introduces itself; a device that joined before is resumed instead. */
export function JoinScreen({ token }: { token: string }) {
  const { t } = useTranslation(['lobby', 'common']);
  const invite = useMemo(() => readInvite(token), [token]);
  const joining = useAppStore((state) => state.phase === 'joining');
  useEffect(preloadMediaClient, []);
  if (!invite) {
    return (
      <EntryCard title={t('join.damagedTitle')}>
        <p role="alert" className="form-problem">
          {t('join.damaged')}
        </p>
      </EntryCard>
    );
  }
  if (joining && hasStoredToken(invite.workshopId)) {
    return (
      <EntryCard title={t('join.welcomeBack')}>
        <p role="status">{t('join.joiningWorkshop')}</p>
      </EntryCard>
    );
  }
  const expired = invite.expiresAt !== null && invite.expiresAt < Date.now();
  return (
    <EntryCard title={t('join.title')}>
      <p className="lead">{t('join.invitedAs', { role: t(`common:roleAs.${invite.role}`) })}</p>
      {expired && (
        <p role="alert" className="form-problem">
          {t('join.expired')}
        </p>
      )}
      <DeviceCheckSection sends={invite.role !== 'observer'} />
      <ProfileForm token={token} busy={joining} />
      <Notices topics={['join']} />
    </EntryCard>
  );
}

function ProfileForm({ token, busy }: { token: string; busy: boolean }) {
  const { t } = useTranslation('lobby');
  const words = useProblemWords();
  const [draft, setDraft] = useState<ProfileDraft>(() => ({
    ...credentials.profile(),
    timeZone: browserTimeZone(),
    language: browserLanguage(),
    email: '',
  }));
  const [problems, setProblems] = useState<ProfileProblems>({});
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

  const problemOf = (name: ProfileField) => {
    const problem = problems[name];
    return problem ? words(problem, t(`field.${name}`)) : null;
  };
  const field = (name: ProfileField) => ({
    label: t(`field.${name}`),
    value: draft[name],
    onValueChange: set(name),
    problem: problemOf(name),
    readOnly: busy,
  });
  const firstField = (Object.keys(problems) as ProfileField[])[0];
  const firstProblem = firstField ? problemOf(firstField) : null;
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Field {...field('name')} autoComplete="name" maxLength={80} required />
      <Field {...field('organisation')} autoComplete="organization" maxLength={120} required />
      <Field {...field('country')} autoComplete="country-name" maxLength={64} required />
      <div className="field-row">
        <Field {...field('timeZone')} suggestions={zones} />
        <Field {...field('language')} maxLength={35} hint={t('languageHint')} />
      </div>
      <Field
        {...field('email')}
        label={
          <>
            {t('field.email')} <span className="optional">{t('optional')}</span>
          </>
        }
        type="email"
        autoComplete="email"
        hint={t('emailHint')}
      />
      {firstProblem && (
        <p role="alert" className="form-problem">
          {firstProblem}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
        {t('join.submit')}
      </button>
      <p role="status" className="join-progress">
        {busy ? t('join.joining') : ''}
      </p>
    </form>
  );
}
