/**
 * The import's confirmation shows what the endpoint's preview says the import would do, the same figures as the
 * preview's view, before the file and its warnings. Pure.
 */
import { previewCountsText } from '../../../common/importClient';
import type { PreviewResult } from './importApi';

export function confirmationDetail(detail: string, preview: PreviewResult): string {
  const said = preview.ok
    ? `The endpoint's preview: ${previewCountsText(preview)}.`
    : `No preview: ${preview.message.replace(/\s*[\r\n]+\s*/g, ' ')}`;
  return `${said}\n\n${detail}`;
}
