import * as vscode from 'vscode';
import { toCitationStyle, toReferenceOrder, type CitationStyle, type ReferenceOrder } from '../../core/cite/citationStyle';

/** `paperNotes.citation.style` for a document or file (resource-scoped, so a folder can choose its own). */
export function citationStyleFor(scope?: vscode.TextDocument | vscode.Uri): CitationStyle {
  return toCitationStyle(vscode.workspace.getConfiguration('paperNotes.citation', scope).get('style'));
}

/** `paperNotes.references.order` for a document. */
export function referenceOrderFor(document?: vscode.TextDocument): ReferenceOrder {
  return toReferenceOrder(vscode.workspace.getConfiguration('paperNotes.references', document).get('order'));
}
