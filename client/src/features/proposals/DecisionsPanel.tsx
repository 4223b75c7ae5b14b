import { PollsSection } from '../polls/PollsSection.tsx';
import { ProposalsSection } from './ProposalsSection.tsx';

/** The Decisions tab: what the meeting agrees on (proposals) and what it is asked (polls). */
export function DecisionsPanel() {
  return (
    <div className="decisions">
      <ProposalsSection />
      <PollsSection />
    </div>
  );
}
