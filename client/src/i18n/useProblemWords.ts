import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../lib/fieldProblem.ts';

/** Words a form's problem: "Workshop title: this cannot be empty.", with the field as the form labels it. */
export function useProblemWords(): (problem: FieldProblem, field: string) => string {
  const { t } = useTranslation('common');
  return (problem, field) => t(`problem.${problem.kind}`, { field, max: problem.kind === 'tooLong' ? problem.max : 0 });
}
