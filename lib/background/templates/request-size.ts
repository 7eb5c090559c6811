/**
 * In the md5 query scheme every parameter travels in the URL, and servers
 * commonly refuse a request line over 8 KB: a long description or checklist
 * would stop an application half-way. Each node's post_task is measured before
 * anything is created, and a node that cannot fit refuses the whole plan,
 * naming the node and how much to cut (docs/worksection-wire.md).
 */
import { t } from '../../i18n';
import type { PlannedTask } from '../../templates';
import type { PostTaskInput } from '../../worksection/client';
import { phpUrlencode } from '../../worksection/sign';
import { connectedClient } from '../connection';
import { plannedPostInput } from './apply';

/** Parents get their ids while applying; measure with the longest id Worksection plausibly gives. */
const PARENT_ID_PLACEHOLDER = '9999999999';

export interface OversizedNode {
  title: string;
  /** Bytes over the limit once encoded. */
  overBytes: number;
  /** About how many characters of its texts to cut. */
  cutCharacters: number;
}

/** The nodes whose post_task would not fit, given how much a request is over the limit (0 when it fits). */
export function oversizedNodes(projectId: string, planned: readonly PlannedTask[], overflow: (input: PostTaskInput) => number): OversizedNode[] {
  const oversized: OversizedNode[] = [];
  for (const node of planned) {
    const overBytes = overflow(plannedPostInput(projectId, node, node.parentKey === undefined ? undefined : PARENT_ID_PLACEHOLDER));
    if (overBytes <= 0) continue;
    // Encoded bytes per character of the texts one would cut (Cyrillic is 6, "a" is 1).
    const texts = [node.text ?? '', ...node.todo].join('\n');
    const perCharacter = texts.length > 0 ? Math.max(1, phpUrlencode(texts).length / texts.length) : 1;
    oversized.push({ title: node.title, overBytes, cutCharacters: Math.ceil(overBytes / perCharacter) });
  }
  return oversized;
}

/** A check for planApplication: throws, naming every node too long for the connected account's request form. */
export async function requestSizeCheck(origin: string, projectId: string): Promise<(planned: PlannedTask[]) => void> {
  const connection = await connectedClient();
  if (!connection || connection.origin !== origin) return () => undefined;
  const { client } = connection;
  return (planned) => {
    const oversized = oversizedNodes(projectId, planned, (input) => client.postTaskOverflow(input));
    if (oversized.length > 0) {
      throw new Error(oversized.map((node) => t('templateNodeTooLong', [node.title, node.cutCharacters, node.overBytes])).join(' '));
    }
  };
}
