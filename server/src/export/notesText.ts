import { NOTES_FRAGMENT } from '@plenary/shared';
import * as Y from 'yjs';

/**
 * A notes document as lines of plain text. The client's editor (ProseMirror bound to Yjs by
 * y-prosemirror) keeps its content in the XML fragment `prosemirror`: one element per block, list
 * items nested. Plain-text
 * documents (`notes`) are read too.
 */
export function notesLines(doc: Y.Doc): string[] {
  const lines: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment, prefix: string) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        const text = textOf(child);
        if (text.trim()) lines.push(`${prefix}${text}`);
      } else if (child instanceof Y.XmlElement) {
        // ProseMirror's basic schema says list_item; TipTap's says listItem.
        if (child.nodeName === 'list_item' || child.nodeName === 'listItem') walk(child, '- ');
        else if (child.nodeName === 'heading') walk(child, '## ');
        else walk(child, prefix);
      }
    }
  };
  walk(doc.getXmlFragment(NOTES_FRAGMENT), '');
  const plain = doc.getText('notes').toString();
  if (plain.trim()) lines.push(...plain.split('\n').filter((line) => line.trim()));
  return lines;
}

function textOf(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert?: unknown }>)
    .map((part) => (typeof part.insert === 'string' ? part.insert : ''))
    .join('');
}
