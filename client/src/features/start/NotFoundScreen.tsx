import { EntryCard } from '../../components/EntryCard.tsx';

export function NotFoundScreen() {
  return (
    <EntryCard title="Page not found">
      <p className="lead">This address is not a Plenary page. To join a workshop, open your invitation link.</p>
      <p>
        <a href="/">Start a workshop</a>
      </p>
    </EntryCard>
  );
}
