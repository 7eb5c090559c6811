// Templates in the background: the feature's message handlers (registered in ../features.ts).
import { db } from '../../db';
import type { CallerPolicy, Handlers } from '../../messages';
import type { TemplateMessages } from '../../templates/protocol';
import { applicationView, applyTemplate, cancelTemplateApplication, projectApplications, resumeApplication } from './applications';
import { checklistChoices, insertChecklist, rememberChecklist } from './checklists';
import { findTemplate, projectChoices, templateLibrary } from './library';
import { projectPeople } from './people';
import { saveTaskAsTemplate } from './save-task';
import { deletePersonal, duplicatePersonal, exportPersonal, importPersonal, listPersonal, movePersonal, savePersonal } from './personal';

export const templateHandlers: Handlers<TemplateMessages> = {
  'templates/library': () => templateLibrary(),
  'templates/template': ({ source, id }) => findTemplate(source, id),
  'templates/people': ({ origin, projectId }) => projectPeople(origin, projectId),
  'templates/apply': (request) => applyTemplate(request),
  'templates/applications': ({ origin, projectId }) => projectApplications(origin, projectId),
  'templates/application': ({ id }) => applicationView(id),
  'templates/resume': ({ id }) => resumeApplication(id),
  'templates/cancel': ({ id }) => cancelTemplateApplication(id),
  'templates/checklists': () => checklistChoices(),
  'templates/insert-checklist': ({ origin, taskId, title, items }) => insertChecklist(origin, taskId, title, items),
  'templates/remember-checklist': async ({ title, items }) => {
    await rememberChecklist(title, items);
    return null;
  },
  'templates/personal/list': () => listPersonal(db()),
  'templates/personal/save': ({ template }) => savePersonal(db(), template),
  'templates/personal/duplicate': ({ id }) => duplicatePersonal(db(), id, (name) => `${name} (copy)`),
  'templates/personal/delete': async ({ id }) => {
    await deletePersonal(db(), id);
    return null;
  },
  'templates/personal/move': ({ id, by }) => movePersonal(db(), id, by),
  'templates/personal/import': ({ text }) => importPersonal(db(), text),
  'templates/personal/export': () => exportPersonal(db()),
  'templates/save-task': ({ origin, taskId }) => saveTaskAsTemplate(origin, taskId),
  'templates/projects': () => projectChoices(),
};

/** The picker, "Insert checklist" and "Save as template" run on Worksection pages; editing personal templates and choosing the team's project are options'. */
export const templateCallers: CallerPolicy<TemplateMessages> = {
  'templates/library': 'worksection-tabs',
  'templates/template': 'worksection-tabs',
  'templates/people': 'worksection-tabs',
  'templates/apply': 'worksection-tabs',
  'templates/applications': 'worksection-tabs',
  'templates/application': 'worksection-tabs',
  'templates/resume': 'worksection-tabs',
  'templates/cancel': 'worksection-tabs',
  'templates/checklists': 'worksection-tabs',
  'templates/insert-checklist': 'worksection-tabs',
  'templates/remember-checklist': 'worksection-tabs',
  'templates/save-task': 'worksection-tabs',
  'templates/personal/list': 'extension-pages',
  'templates/personal/save': 'extension-pages',
  'templates/personal/duplicate': 'extension-pages',
  'templates/personal/delete': 'extension-pages',
  'templates/personal/move': 'extension-pages',
  'templates/personal/import': 'extension-pages',
  'templates/personal/export': 'extension-pages',
  'templates/projects': 'extension-pages',
};
