// Personal templates in Dexie: saved one by one from the editor, imported
// all-or-nothing from a file, kept in the user's order.
import type { AccountDeskDb } from '../../db';
import { parseTemplateFile, serializeTemplateFile, validateTemplate, type Template } from '../../templates';
import { ProblemError } from '../../problem';
import { t } from '../../i18n';
import { problemText } from '../../problem-text';

export class PersonalTemplateError extends ProblemError {
  override readonly name = 'PersonalTemplateError';
  readonly kind = 'invalid';
}

export const PERSONAL_TEMPLATES_MAX = 500;

async function ordered(db: AccountDeskDb) {
  return db.personalTemplates.orderBy('position').toArray();
}

export async function listPersonal(db: AccountDeskDb): Promise<Template[]> {
  return (await ordered(db)).map((row) => row.template);
}

/** Saves a new or edited template (validated here too: the page's copy is not trusted). */
export async function savePersonal(db: AccountDeskDb, raw: unknown, now = Date.now()): Promise<Template> {
  const checked = validateTemplate(raw);
  if (!checked.ok) throw new PersonalTemplateError(t('tplProblemNotSaved', checked.problems.map(problemText).join('\n')));
  const template = checked.value;
  if (template.id.startsWith('builtin.')) throw new PersonalTemplateError(t('tplProblemBuiltinId'));
  await db.transaction('rw', db.personalTemplates, async () => {
    const existing = await db.personalTemplates.get(template.id);
    if (!existing && (await db.personalTemplates.count()) >= PERSONAL_TEMPLATES_MAX) {
      throw new PersonalTemplateError(t('tplProblemTooMany', [PERSONAL_TEMPLATES_MAX]));
    }
    const last = await db.personalTemplates.orderBy('position').last();
    await db.personalTemplates.put({ id: template.id, template, position: existing?.position ?? (last ? last.position + 1 : 0), updatedAt: now });
  });
  return template;
}

/** A fresh id for a copy or a new template: `base`, `base-2`, `base-3`… (whichever is free). */
export async function freeId(db: AccountDeskDb, base: string): Promise<string> {
  const stem = base.replace(/-\d+$/, '').slice(0, 70) || 'template';
  for (let suffix = 1; ; suffix++) {
    const id = suffix === 1 ? stem : `${stem}-${suffix}`;
    if (!(await db.personalTemplates.get(id))) return id;
  }
}

export async function duplicatePersonal(db: AccountDeskDb, id: string, copyName: (name: string) => string): Promise<Template> {
  const row = await db.personalTemplates.get(id);
  if (!row) throw new PersonalTemplateError(t('tplProblemTemplateGone'));
  const copy: Template = { ...structuredClone(row.template), id: await freeId(db, `${id}-copy`), name: copyName(row.template.name).slice(0, 120) };
  return savePersonal(db, copy);
}

export async function deletePersonal(db: AccountDeskDb, id: string): Promise<void> {
  await db.personalTemplates.delete(id);
}

/** Moves a template one place up (-1) or down (+1). */
export async function movePersonal(db: AccountDeskDb, id: string, by: -1 | 1): Promise<Template[]> {
  await db.transaction('rw', db.personalTemplates, async () => {
    const rows = await db.personalTemplates.orderBy('position').toArray();
    const from = rows.findIndex((row) => row.id === id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= rows.length) return;
    const [moved] = rows.splice(from, 1);
    rows.splice(to, 0, moved!);
    await db.personalTemplates.bulkPut(rows.map((row, position) => ({ ...row, position })));
  });
  return listPersonal(db);
}

/**
 * Imports a template file: every template valid, or nothing changes. A
 * template whose id exists replaces it (re-importing an edited export updates it).
 */
export async function importPersonal(db: AccountDeskDb, text: string, now = Date.now()): Promise<{ added: number; replaced: number }> {
  let templates: Template[];
  try {
    templates = parseTemplateFile(text);
  } catch (error) {
    throw new PersonalTemplateError((error as Error).message);
  }
  const builtin = templates.find((template) => template.id.startsWith('builtin.'));
  if (builtin) throw new PersonalTemplateError(t('tplProblemFileBuiltinId', builtin.id));
  return db.transaction('rw', db.personalTemplates, async () => {
    const existing = new Map((await db.personalTemplates.toArray()).map((row) => [row.id, row]));
    const added = templates.filter((template) => !existing.has(template.id)).length;
    if (existing.size + added > PERSONAL_TEMPLATES_MAX) {
      throw new PersonalTemplateError(t('tplProblemFileTooMany', [PERSONAL_TEMPLATES_MAX]));
    }
    let next = Math.max(-1, ...[...existing.values()].map((row) => row.position)) + 1;
    await db.personalTemplates.bulkPut(
      templates.map((template) => ({ id: template.id, template, position: existing.get(template.id)?.position ?? next++, updatedAt: now })),
    );
    return { added, replaced: templates.length - added };
  });
}

export async function exportPersonal(db: AccountDeskDb): Promise<string> {
  return serializeTemplateFile(await listPersonal(db));
}
