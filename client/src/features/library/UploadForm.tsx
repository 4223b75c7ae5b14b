import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureText } from '../../components/FailureText.tsx';
import type { Failure } from '../../i18n/message.ts';
import { credentials } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import type { AppState } from '../../stores/state.ts';
import { uploadDocument } from './libraryHttp.ts';
import { useScopeWords } from './useScopeWords.ts';

type Progress =
  | { kind: 'idle' }
  | { kind: 'sending'; name: string }
  | { kind: 'done'; name: string }
  | { kind: 'failed'; name: string; error: Failure };

interface ScopeOption {
  value: string;
  label: string;
}

/** Chairs (and the presenter): add a document to the library, in a scope. */
export function UploadForm() {
  const { t } = useTranslation('library');
  const scopeWords = useScopeWords();
  const workshopId = useAppStore((state) => state.workshopId);
  const workshop = useAppStore((state) => state.workshop);
  const [scope, setScope] = useState('workshop');
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const scopeId = useId();
  if (!workshopId) return null;

  /** Where a new document can go: the workshop, any agenda item, the plenary or a breakout room. */
  const scopeOptions = (current: AppState['workshop']): ScopeOption[] => {
    if (!current) return [];
    return [
      { value: 'workshop', label: scopeWords({ kind: 'workshop' }) },
      ...current.agenda.map((item) => ({
        value: `agendaItem:${item.id}`,
        label: scopeWords({ kind: 'agendaItem', title: item.title }),
      })),
      { value: `room:${current.plenaryRoomId}`, label: scopeWords({ kind: 'plenary' }) },
      ...current.breakouts.sets.flatMap((set) =>
        set.rooms.map((room) => ({
          value: `room:${room.id}`,
          label: t('scope.roomOfSet', { room: room.name, set: set.name }),
        })),
      ),
    ];
  };
  const options = scopeOptions(workshop);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    const token = credentials.participantToken(workshopId);
    if (!token) {
      setProgress({ kind: 'failed', name: file.name, error: { code: 'no_token', message: '' } });
      return;
    }
    setProgress({ kind: 'sending', name: file.name });
    const result = await uploadDocument({ workshopId, file, scope, token });
    setProgress(
      result.ok ? { kind: 'done', name: result.item.name } : { kind: 'failed', name: file.name, error: result.error },
    );
    if (input.current) input.current.value = '';
  };
  const validScope = options.some((option) => option.value === scope) ? scope : 'workshop';
  return (
    <form className="library-upload" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={scopeId}>{t('upload.for')}</label>
        <select id={scopeId} value={validScope} onChange={(event) => setScope(event.target.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fileId}>{t('upload.add')}</label>
        <input
          id={fileId}
          ref={input}
          type="file"
          accept={ACCEPT}
          disabled={progress.kind === 'sending'}
          onChange={(event) => void upload(event.target.files?.[0])}
        />
      </div>
      <p role="status" className="upload-progress" data-kind={progress.kind}>
        {progress.kind === 'sending' && t('upload.uploading', { name: progress.name })}
        {progress.kind === 'done' && t('upload.added', { name: progress.name })}
        {progress.kind === 'failed' && (
          <>
            {t('upload.notAdded', { name: progress.name })} <FailureText failure={progress.error} />
          </>
        )}
      </p>
    </form>
  );
}

const ACCEPT = '.pdf,.docx,.pptx,.xlsx,.png,.jpg,.jpeg,.gif,.webp';
