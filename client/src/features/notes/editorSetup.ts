import { NOTES_FRAGMENT } from '@plenary/shared';
import { baseKeymap, chainCommands, setBlockType, toggleMark } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { type MarkType, type NodeType, Schema } from 'prosemirror-model';
import { schema as basic } from 'prosemirror-schema-basic';
import { addListNodes, liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { type Command, EditorState, type Plugin } from 'prosemirror-state';
import { redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/**
 * ProseMirror's basic schema (paragraphs, headings, bold, italic, links…) with bullet and numbered
 * lists. The node names are what the report reads (`heading`, `list_item`: see the server's notesText).
 */
export const notesSchema = new Schema({
  nodes: addListNodes(basic.spec.nodes, 'paragraph block*', 'block'),
  marks: basic.spec.marks,
});

function nodeType(name: string): NodeType {
  const type = notesSchema.nodes[name];
  if (!type) throw new Error(`the notes schema has no ${name}`);
  return type;
}

function markType(name: string): MarkType {
  const type = notesSchema.marks[name];
  if (!type) throw new Error(`the notes schema has no ${name}`);
  return type;
}

const nodes = {
  paragraph: nodeType('paragraph'),
  heading: nodeType('heading'),
  bullet_list: nodeType('bullet_list'),
  list_item: nodeType('list_item'),
};
const marks = { strong: markType('strong'), em: markType('em') };

export const toggleBold: Command = toggleMark(marks.strong);
export const toggleItalic: Command = toggleMark(marks.em);

export function isMarkActive(state: EditorState, mark: 'strong' | 'em'): boolean {
  const type = marks[mark];
  const { from, $from, to, empty } = state.selection;
  if (empty) return Boolean(type.isInSet(state.storedMarks ?? $from.marks()));
  return state.doc.rangeHasMark(from, to, type);
}

export const isHeading = (state: EditorState): boolean => state.selection.$from.parent.type === nodes.heading;

export function inBulletList(state: EditorState): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type === nodes.bullet_list) return true;
  }
  return false;
}

/** A section heading, or back to a paragraph. */
export const toggleHeading: Command = (state, dispatch) =>
  isHeading(state)
    ? setBlockType(nodes.paragraph)(state, dispatch)
    : setBlockType(nodes.heading, { level: 2 })(state, dispatch);

/** Into a bullet list, or out of it. */
export const toggleBulletList: Command = (state, dispatch) =>
  inBulletList(state) ? liftListItem(nodes.list_item)(state, dispatch) : wrapInList(nodes.bullet_list)(state, dispatch);

export const notesKeymap = (): Plugin =>
  keymap({
    'Mod-b': toggleBold,
    'Mod-i': toggleItalic,
    'Mod-z': undo,
    'Mod-y': redo,
    'Shift-Mod-z': redo,
    Enter: splitListItem(nodes.list_item),
    Tab: sinkListItem(nodes.list_item),
    'Shift-Tab': liftListItem(nodes.list_item),
    'Mod-Alt-2': toggleHeading,
    'Shift-Mod-8': toggleBulletList,
  });

/** An editor state bound to the room's shared document: content, cursors of the others, undo of one's own edits. */
export function notesEditorState(doc: Y.Doc, awareness: Awareness): EditorState {
  return EditorState.create({
    schema: notesSchema,
    plugins: [
      ySyncPlugin(doc.getXmlFragment(NOTES_FRAGMENT)),
      yCursorPlugin(awareness),
      yUndoPlugin(),
      notesKeymap(),
      keymap(baseKeymap),
    ],
  });
}

/** For tests and plain states without Yjs. */
export const plainState = (text = ''): EditorState =>
  EditorState.create({
    schema: notesSchema,
    doc: notesSchema.node('doc', null, [notesSchema.node('paragraph', null, text ? [notesSchema.text(text)] : [])]),
    plugins: [notesKeymap(), keymap(baseKeymap)],
  });

export { chainCommands };
