import { useTranslation } from 'react-i18next';
import { type Failure, failureKey, hasServerDetail } from '../i18n/message.ts';

/** The server's own sentence beside ours. It speaks English, so a screen reader reads it as such. */
export function ServerDetail({ detail }: { detail: string }) {
  const { t } = useTranslation('errors');
  return (
    <span className="server-detail">
      {' '}
      {t('serverSaid')} <span lang="en">{detail}</span>
    </span>
  );
}

/** Why something failed, in the reader's language, with the server's detail when it adds something. */
export function FailureText({ failure }: { failure: Failure }) {
  const { t } = useTranslation('errors');
  return (
    <>
      {t(failureKey(failure.code))}
      {hasServerDetail(failure) && <ServerDetail detail={failure.message} />}
    </>
  );
}
