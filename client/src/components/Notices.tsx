import { useShallow } from 'zustand/react/shallow';
import { dismissNotice } from '../session/actions.ts';
import { useAppStore } from '../stores/appStore.ts';
import type { NoticeTopic } from '../stores/slices/notices.ts';

/**
 * Status messages in a polite live region that is always present (so changes are announced);
 * alerts are inserted as `role="alert"` and can be dismissed.
 */
export function Notices({ topics }: { topics: readonly NoticeTopic[] }) {
  const notices = useAppStore(useShallow((state) => state.notices.filter((notice) => topics.includes(notice.topic))));
  const statuses = notices.filter((notice) => notice.tone === 'status');
  const alerts = notices.filter((notice) => notice.tone === 'alert');
  return (
    <div className="notices">
      <div role="status" className="notice-status">
        {statuses.map((notice) => (
          <p key={notice.topic}>{notice.text}</p>
        ))}
      </div>
      {alerts.map((notice) => (
        <div key={notice.topic} className="notice-alert">
          <p role="alert">{notice.text}</p>
          <button type="button" className="quiet" onClick={() => dismissNotice(notice.topic)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
