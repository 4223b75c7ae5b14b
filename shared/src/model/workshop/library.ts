import type { ParticipantId, RoomId } from '../../ids.ts';

export const LIBRARY_FILE_TYPES = ['pdf', 'docx', 'pptx', 'xlsx', 'png', 'jpeg', 'gif', 'webp'] as const;
export type LibraryFileType = (typeof LIBRARY_FILE_TYPES)[number];

/** Where a document belongs: the whole workshop, one agenda item, or one room (a task sheet). */
export type LibraryScope =
  | { kind: 'workshop' }
  | { kind: 'agendaItem'; itemId: string }
  | { kind: 'room'; roomId: RoomId };

/** A document in the workshop's library; the file itself is stored by its content hash. */
export interface LibraryItem {
  id: string;
  name: string;
  type: LibraryFileType;
  mime: string;
  size: number;
  sha256: string;
  scope: LibraryScope;
  uploadedBy: ParticipantId;
  /** epoch ms */
  uploadedAt: number;
}

/** A PDF deck being presented: everyone who follows sees the presenter's page. */
export interface Presentation {
  libraryItemId: string;
  presenterId: ParticipantId;
  /** 1-based */
  page: number;
  /** epoch ms */
  startedAt: number;
}

/** Editions of a recurring workshop share a series id (the first edition's workshop id). */
export interface SeriesInfo {
  seriesId: string;
  edition: number;
}
