import { useTranslation } from 'react-i18next';
import type { ScopeName } from './libraryGroups.ts';

/** A library scope in the reader's language: "Whole workshop", "Agenda: Opening", "Room: Room 1". */
export function useScopeWords(): (name: ScopeName) => string {
  const { t } = useTranslation('library');
  return (name) => {
    switch (name.kind) {
      case 'workshop':
        return t('scope.workshop');
      case 'agendaItem':
        return t('scope.agendaItem', { title: name.title ?? t('scope.removedItem') });
      case 'plenary':
        return t('scope.plenary');
      case 'room':
        return t('scope.room', { room: name.name ?? t('scope.closedRoom') });
    }
  };
}
