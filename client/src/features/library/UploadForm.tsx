import { useId, useRef, useState } from 'react';
import { credentials } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import type { AppState } from '../../stores/state.ts';
import { uploadDocument } from './libraryHttp.ts';

type Progress =
  | { kind: 'idle' }
  | { kind: 'sending'; name: string }
  | { kind: 'done'; text: string }
  | { kind: 'failed'; text: string };

interface ScopeOption {
  value: string;
  label: string;
}

/** Where a new document can go: the workshop, any agenda item, the plenary or a breakout room. */
const scopeOptions = (workshop: AppState['workshop']): ScopeOption[] => {
  if (!workshop) return [];
  return [
    { value: 'workshop', label: 'Whole workshop' },
    ...workshop.agenda.map((item) => ({ value: `agendaItem:${item.id}`, label: `Agenda: ${item.title}` })),
    { value: `room:${workshop.plenaryRoomId}`, label: 'Room: Plenary' },
    ...workshop.breakouts.sets.flatMap((set) =>
      set.rooms.map((room) => ({ value: `room:${room.id}`, label: `Room: ${room.name} (${set.name})` })),
    ),
  ];
};

const ACCEPT = '.pdf,.docx,.pptx,.xlsx,.png,.jpg,.jpeg,.gif,.webp';

/** Chairs (and the presenter): add a document to the library, in a scope. */
export function UploadForm() {
  const workshopId = useAppStore((state) => state.workshopId);
  const options = scopeOptions(useAppStore((state) => state.workshop));
  const [scope, setScope] = useState('workshop');
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const scopeId = useId();
  if (!workshopId) return null;
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const token = credentials.participantToken(workshopId);
    if (!token) {
      setProgress({ kind: 'failed', text: 'This page has no participant token; reload it and try again.' });
      return;
    }
    setProgress({ kind: 'sending', name: file.name });
    const result = await uploadDocument({ workshopId, file, scope, token });
    setProgress(
      result.ok ? { kind: 'done', text: `Added ${result.item.name}.` } : { kind: 'failed', text: result.message },
    );
    if (input.current) input.current.value = '';
  };
  const validScope = options.some((option) => option.value === scope) ? scope : 'workshop';
  return (
    <form className="library-upload" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={scopeId}>Document for</label>
        <select id={scopeId} value={validScope} onChange={(event) => setScope(event.target.value)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fileId}>Add document</label>
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
        {progress.kind === 'sending' && `Uploading ${progress.name}…`}
        {(progress.kind === 'done' || progress.kind === 'failed') && progress.text}
      </p>
    </form>
  );
}
