import * as vscode from 'vscode';
import type { ClaimKind } from '../../core/claims/claim';

/** One codicon and one theme chart colour per claim kind, matching the paper view's legend. */
const KIND_ICONS: Readonly<Record<ClaimKind, { icon: string; color: string }>> = {
  speedup: { icon: 'rocket', color: 'charts.orange' },
  reduction: { icon: 'arrow-down', color: 'charts.green' },
  result: { icon: 'graph', color: 'charts.blue' },
  complexity: { icon: 'symbol-operator', color: 'charts.purple' },
  scale: { icon: 'layers', color: 'charts.yellow' },
  benchmark: { icon: 'dashboard', color: 'charts.red' },
  code: { icon: 'code', color: 'textLink.foreground' },
  comparison: { icon: 'arrow-swap', color: 'descriptionForeground' },
};

export function claimKindIcon(kind: ClaimKind): vscode.ThemeIcon {
  const { icon, color } = KIND_ICONS[kind];
  return new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
}
