import { channelKey } from '@plenary/shared';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale.ts';
import { EMPTY } from '../../lib/empty.ts';
import { formatClock } from '../../lib/time.ts';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectViewerTimeZone } from '../../stores/selectors.ts';

/** The chat of the room this tab is in (plenary or breakout). */
export function ChatPanel({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation('chat');
  const locale = useLocale();
  const roomId = useAppStore((state) => state.roomId);
  const messages = useAppStore((state) =>
    state.roomId ? (state.workshop?.chat[channelKey({ kind: 'room', roomId: state.roomId })] ?? EMPTY) : EMPTY,
  );
  const participants = useAppStore((state) => state.workshop?.participants);
  const selfId = useAppStore((state) => state.selfId);
  const zone = useAppStore(selectViewerTimeZone);
  const log = useRef<HTMLOListElement>(null);
  const [text, setText] = useState('');

  // Follow new messages, as a chat does, without moving focus.
  const count = messages.length;
  useEffect(() => {
    const element = log.current;
    if (element && count > 0) element.scrollTop = element.scrollHeight;
  }, [count]);

  if (!roomId) return null;
  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    if (text.trim() === '') return;
    const sent = text;
    if (await act({ type: 'chat.send', channel: { kind: 'room', roomId }, text: sent })) {
      setText((current) => (current === sent ? '' : current));
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };
  return (
    <div className="chat">
      <ol className="chat-log" aria-label={t('history')} role="log" ref={log}>
        {messages.length === 0 && <li className="muted">{t('empty')}</li>}
        {messages.map((message) => (
          <li
            key={message.id}
            className="chat-message"
            data-kind={message.kind}
            data-own={message.authorId === selfId ? '' : undefined}
          >
            <p className="chat-meta">
              <strong>{participants?.[message.authorId]?.name ?? t('someone')}</strong>
              {message.kind === 'broadcast' && <span className="badge">{t('toAllRooms')}</span>}
              <span className="muted"> {formatClock(message.sentAt, zone, locale)}</span>
            </p>
            <p className="chat-text">{message.text}</p>
          </li>
        ))}
      </ol>
      {canWrite ? (
        <form className="chat-form" onSubmit={send}>
          <label className="visually-hidden" htmlFor="chat-input">
            {t('message')}
          </label>
          <textarea
            id="chat-input"
            rows={2}
            maxLength={2000}
            placeholder={t('placeholder')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onKeyDown}
          />
          <button type="submit" className="primary">
            {t('send')}
          </button>
        </form>
      ) : (
        <p className="muted small-print">{t('observers')}</p>
      )}
    </div>
  );
}
