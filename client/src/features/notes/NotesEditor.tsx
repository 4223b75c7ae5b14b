import type { RoomId, WorkshopId } from '@plenary/shared';
import type { Command, EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { ServerDetail } from '../../components/FailureText.tsx';
import { hasServerDetail } from '../../i18n/message.ts';
import { useListFormat } from '../../i18n/useLocale.ts';
import {
  inBulletList,
  isHeading,
  isMarkActive,
  notesEditorState,
  toggleBold,
  toggleBulletList,
  toggleHeading,
  toggleItalic,
} from './editorSetup.ts';
import { roomNotes } from './notesRegistry.ts';

export interface NotesEditorProps {
  workshopId: WorkshopId;
  roomId: RoomId;
  /** How the others see this person's cursor. */
  name: string;
  color: string;
  canWrite: boolean;
  /** The editor's accessible name, e.g. "Notes of Group 1". */
  label: string;
}

/** The collaborative rich-text notes of one room (loaded lazily: ProseMirror and Yjs live in this chunk). */
export default function NotesEditor({ workshopId, roomId, name, color, canWrite, label }: NotesEditorProps) {
  const { t } = useTranslation('notes');
  const sync = useMemo(() => roomNotes(workshopId, roomId), [workshopId, roomId]);
  const status = useSyncExternalStore(sync.subscribe, sync.getStatus);
  useEffect(() => sync.acquire({ name, color }), [sync, name, color]);

  // The editor appears once the room's text is here, so nobody starts typing into an empty page;
  // offline it appears anyway (what is typed merges when the connection is back).
  const [ready, setReady] = useState(false);
  const canShow = status.loaded || status.save === 'offline' || status.save === 'failed';
  useEffect(() => {
    if (canShow) setReady(true);
  }, [canShow]);

  const editable = canWrite && !status.readOnly;
  const editableRef = useRef(editable);
  editableRef.current = editable;
  const labelRef = useRef(label);
  labelRef.current = label;
  const host = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<EditorView | null>(null);
  const [state, setState] = useState<EditorState | null>(null);

  useEffect(() => {
    const element = host.current;
    if (!ready || !element) return;
    const created: EditorView = new EditorView(element, {
      state: notesEditorState(sync.doc, sync.awareness),
      editable: () => editableRef.current,
      attributes: editorAttributes(labelRef.current),
      // Called with the view as `this`, also while the view is being built (the Yjs binding
      // renders the shared document at once), before `created` below is assigned.
      dispatchTransaction(this: EditorView, transaction) {
        // y-prosemirror may still deliver a deferred cursor update after the view is gone.
        if (this.isDestroyed) return;
        const next = this.state.apply(transaction);
        this.updateState(next);
        setState(next);
      },
    });
    setView(created);
    setState(created.state);
    return () => {
      created.destroy();
      setView(null);
    };
  }, [ready, sync]);

  useEffect(() => {
    // A new name (the interface language changed) relabels the view rather than rebuilding it.
    view?.setProps({ attributes: editorAttributes(label) });
  }, [view, label]);

  useEffect(() => {
    // `editable` is read by the view on its next update; make that now.
    view?.setProps({ editable: () => editable });
  }, [view, editable]);

  const run = (command: Command) => {
    if (!view) return;
    command(view.state, view.dispatch);
    view.focus();
  };
  const tools: Array<{ label: string; command: Command; active: (s: EditorState) => boolean }> = [
    { label: t('tools.bold'), command: toggleBold, active: (s) => isMarkActive(s, 'strong') },
    { label: t('tools.italic'), command: toggleItalic, active: (s) => isMarkActive(s, 'em') },
    { label: t('tools.heading'), command: toggleHeading, active: isHeading },
    { label: t('tools.bulletList'), command: toggleBulletList, active: inBulletList },
  ];

  return (
    <div className="notes-editor" data-save={status.save}>
      <div className="notes-bar">
        {editable && (
          <div className="notes-toolbar" role="toolbar" aria-label={t('tools.label')}>
            {tools.map((tool) => (
              <button
                key={tool.label}
                type="button"
                className="small"
                aria-pressed={state ? tool.active(state) : false}
                disabled={!view}
                // Keeps the text selected while the button is pressed.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => run(tool.command)}
              >
                {tool.label}
              </button>
            ))}
          </div>
        )}
        <p className="notes-status" data-save={status.save}>
          {t(`status.${status.label}`)}
          {status.refusal && hasServerDetail(status.refusal) && <ServerDetail detail={status.refusal.message} />}
        </p>
      </div>
      <Presence awareness={sync.awareness} />
      {!ready && <p className="muted">{t('loading')}</p>}
      <div ref={host} className="notes-host" hidden={!ready} />
      {!editable && ready && <p className="muted small-print">{t('readOnly')}</p>}
    </div>
  );
}

const editorAttributes = (label: string) => ({
  role: 'textbox',
  'aria-multiline': 'true',
  'aria-label': label,
  class: 'notes-content',
});

/** Who else has these notes open now (from their cursors' awareness). */
function Presence({ awareness }: { awareness: Awareness }) {
  const { t } = useTranslation('notes');
  const list = useListFormat();
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    const read = () => {
      const others = [...awareness.getStates().entries()]
        .filter(([clientId, state]) => clientId !== awareness.clientID && state.user?.name)
        .map(([, state]) => String(state.user.name));
      setNames((current) => (current.join('\n') === [...new Set(others)].join('\n') ? current : [...new Set(others)]));
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [awareness]);
  if (names.length === 0) return null;
  return <p className="notes-presence muted small-print">{t('alsoHere', { names: list(names) })}</p>;
}
