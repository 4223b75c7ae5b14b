import { TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import {
  inBulletList,
  isHeading,
  isMarkActive,
  notesSchema,
  plainState,
  toggleBold,
  toggleBulletList,
  toggleHeading,
} from './editorSetup.ts';
import { userColour } from './userColour.ts';

const run = (state: ReturnType<typeof plainState>, command: typeof toggleBold) => {
  let next = state;
  command(state, (tr) => {
    next = state.apply(tr);
  });
  return next;
};

describe('the notes editor’s schema and toolbar', () => {
  it('names its nodes as the report reads them', () => {
    for (const name of ['paragraph', 'heading', 'bullet_list', 'list_item'])
      expect(notesSchema.nodes[name]).toBeDefined();
  });

  it('turns a paragraph into a heading and back', () => {
    const heading = run(plainState('Challenges'), toggleHeading);
    expect(isHeading(heading)).toBe(true);
    expect(heading.doc.firstChild?.attrs.level).toBe(2);
    expect(isHeading(run(heading, toggleHeading))).toBe(false);
  });

  it('puts a paragraph in a bullet list and takes it out again', () => {
    const listed = run(plainState('Funding'), toggleBulletList);
    expect(inBulletList(listed)).toBe(true);
    expect(listed.doc.firstChild?.type.name).toBe('bullet_list');
    expect(inBulletList(run(listed, toggleBulletList))).toBe(false);
  });

  it('makes the selection bold', () => {
    const state = plainState('Funding gaps');
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, 8)));
    expect(isMarkActive(run(selected, toggleBold), 'strong')).toBe(true);
    expect(isMarkActive(selected, 'strong')).toBe(false);
  });

  it('gives each person one cursor colour, a #rrggbb one', () => {
    expect(userColour('p-ana')).toBe(userColour('p-ana'));
    expect(userColour('p-ana')).toMatch(/^#[0-9a-f]{6}$/);
  });
});
