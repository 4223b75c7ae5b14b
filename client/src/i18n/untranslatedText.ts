import ts from 'typescript';

export interface UntranslatedText {
  line: number;
  text: string;
}

/** Attributes a person reads or hears (screen readers read aria-label and title aloud). */
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'hint', 'legend']);

const hasWords = (text: string) => /\p{L}/u.test(text);

/**
 * Text written straight into JSX rather than through `t()`: a word in one language only. Finds JSX
 * text, string literals rendered as children, and string values of the attributes people read.
 * Source that shows no words (symbols, numbers, punctuation) is fine.
 */
export function findUntranslatedText(fileName: string, source: string): UntranslatedText[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: UntranslatedText[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push({ line: line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent)) {
      const expression = node.expression;
      if (ts.isStringLiteralLike(expression) && hasWords(expression.text)) report(node, expression.text);
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(file))) {
      const value = node.initializer;
      const literal = value && ts.isJsxExpression(value) ? value.expression : value;
      if (literal && ts.isStringLiteralLike(literal) && hasWords(literal.text)) report(node, literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
