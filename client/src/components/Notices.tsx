import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { type MessageT, wordsOf } from '../i18n/message.ts';
import { dismissNotice } from '../session/actions.ts';
import { useAppStore } from '../stores/appStore.ts';
import type { Notice, NoticeTopic } from '../stores/slices/notices.ts';
import { ServerDetail } from './FailureText.tsx';

/**
 * Status messages in a polite live region that is always present (so changes are announced);
 * alerts are inserted as `role="alert"` and can be dismissed.
 */
export function Notices({ topics }: { topics: readonly NoticeTopic[] }) {
  const { t } = useTranslation(['notices', 'errors']);
  const notices = useAppStore(useShallow((state) => state.notices.filter((notice) => topics.includes(notice.topic))));
  const statuses = notices.filter((notice) => notice.tone === 'status');
  const alerts = notices.filter((notice) => notice.tone === 'alert');
  return (
    <div className="notices">
      <div role="status" className="notice-status">
        {statuses.map((notice) => (
          <NoticeText key={notice.topic} notice={notice} t={t} />
        ))}
      </div>
      {alerts.map((notice) => (
        <div key={notice.topic} className="notice-alert">
          <NoticeText notice={notice} t={t} alert />
          <button type="button" className="quiet" onClick={() => dismissNotice(notice.topic)}>
            {t('dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}

function NoticeText({ notice, t, alert = false }: { notice: Notice; t: MessageT; alert?: boolean }) {
  const { text, serverDetail } = wordsOf(t, notice.message);
  return (
    <p role={alert ? 'alert' : undefined}>
      {text}
      {serverDetail && <ServerDetail detail={serverDetail} />}
    </p>
  );
}
