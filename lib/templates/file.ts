// The template file format: JSON with a schema version, for import/export and
// sharing. Imported files are hostile: a malformed, oversized or invalid file
// is refused as a whole with every problem named, so nothing half-imports.
import { describeValue, inputProblem, isPlainObject, unknownKeys } from '../validate';
import { validateTemplate, type Template } from './model';
import { t, tn } from '../i18n';
import { FileProblemError, quotedValue } from '../problem-text';

export const TEMPLATE_FILE_FORMAT = 'account-desk.templates';
export const TEMPLATE_SCHEMA_VERSION = 1;
/** Far above any real library (a 200-node template is ~60 KB). */
export const TEMPLATE_FILE_MAX_BYTES = 2 * 1024 * 1024;
export const TEMPLATE_FILE_MAX_TEMPLATES = 500;

export interface TemplateFile {
  format: typeof TEMPLATE_FILE_FORMAT;
  schemaVersion: typeof TEMPLATE_SCHEMA_VERSION;
  templates: Template[];
}

export class TemplateFileError extends FileProblemError {
  override readonly name = 'TemplateFileError';
}

export function serializeTemplateFile(templates: readonly Template[]): string {
  const file: TemplateFile = { format: TEMPLATE_FILE_FORMAT, schemaVersion: TEMPLATE_SCHEMA_VERSION, templates: [...templates] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The templates in `text`, or a TemplateFileError naming what is wrong (throws; nothing partial). */
export function parseTemplateFile(text: string): Template[] {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > TEMPLATE_FILE_MAX_BYTES) {
    throw new TemplateFileError([], t('tplFileTooLarge', [Math.ceil(bytes / 1024), TEMPLATE_FILE_MAX_BYTES / 1024 / 1024]));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new TemplateFileError([], t('tplFileNotJson', (error as Error).message));
  }
  if (!isPlainObject(data)) {
    throw new TemplateFileError([], t('tplFileNotObject', quotedValue(describeValue(data))));
  }
  const file = data;
  if (file.format !== TEMPLATE_FILE_FORMAT) {
    throw new TemplateFileError([], t('tplFileWrongFormat', quotedValue(describeValue(file.format))));
  }
  if (file.schemaVersion !== TEMPLATE_SCHEMA_VERSION) {
    throw new TemplateFileError(
      [],
      typeof file.schemaVersion === 'number' && file.schemaVersion > TEMPLATE_SCHEMA_VERSION
        ? t('tplFileNewer', [file.schemaVersion, TEMPLATE_SCHEMA_VERSION])
        : t('tplFileSchema', [quotedValue(describeValue(file.schemaVersion)), TEMPLATE_SCHEMA_VERSION]),
    );
  }
  const problems = unknownKeys(file, ['format', 'schemaVersion', 'templates']).map((key) => inputProblem(key, 'inputUnknownField'));
  if (!Array.isArray(file.templates)) {
    throw new TemplateFileError([...problems, inputProblem('templates', 'inputNotList', describeValue(file.templates))], t('tplFileNoTemplates'));
  }
  if (file.templates.length > TEMPLATE_FILE_MAX_TEMPLATES) {
    throw new TemplateFileError([], t('tplFileTooManyTemplates', [file.templates.length, TEMPLATE_FILE_MAX_TEMPLATES]));
  }
  const templates: Template[] = [];
  const ids = new Set<string>();
  file.templates.forEach((raw, index) => {
    const result = validateTemplate(raw, `templates[${index}]`);
    if (!result.ok) problems.push(...result.problems);
    else if (ids.has(result.value.id)) problems.push(inputProblem(`templates[${index}].id`, 'inputAppearsTwice', describeValue(result.value.id)));
    else {
      ids.add(result.value.id);
      templates.push(result.value);
    }
  });
  if (problems.length > 0) {
    throw new TemplateFileError(problems.slice(0, 50), tn('templateFileProblems', problems.length));
  }
  return templates;
}
