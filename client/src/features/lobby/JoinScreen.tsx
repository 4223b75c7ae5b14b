import { DisplayNameSchema } from '@plenary/shared';
import { type FormEvent, useId, useState } from 'react';
import { Notices } from '../../components/Notices.tsx';
import { joinRoom } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';

export function JoinScreen() {
  const joining = useAppStore((state) => state.phase === 'joining');
  const lastName = useAppStore((state) => state.displayName);
  const [name, setName] = useState(lastName);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const problemId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The same rule the server applies, so a bad name is explained before anything is sent.
    const parsed = DisplayNameSchema.safeParse(name);
    if (!parsed.success) {
      setProblem(`Your name: ${parsed.error.issues[0]?.message ?? 'it cannot be used'}.`);
      return;
    }
    setProblem(null);
    void joinRoom(parsed.data);
  };

  return (
    <main className="lobby" aria-labelledby="lobby-title">
      <form className="join-form" onSubmit={submit} noValidate>
        <p className="brand" aria-hidden="true">
          Plenary
        </p>
        <h1 id="lobby-title">Join the room</h1>
        <label htmlFor={inputId}>Your name</label>
        <input
          id={inputId}
          name="displayName"
          autoComplete="name"
          maxLength={80}
          required
          value={name}
          readOnly={joining}
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {problem && (
          <p id={problemId} role="alert" className="field-problem">
            {problem}
          </p>
        )}
        <button type="submit" className="primary" disabled={joining} aria-busy={joining}>
          Join
        </button>
        <p role="status" className="join-progress">
          {joining ? 'Joining…' : ''}
        </p>
        <Notices topics={['join']} />
      </form>
    </main>
  );
}
