// Templates in the background: the feature's message handlers (registered in ../features.ts).
import { db } from '../../db';
import type { Handlers } from '../../messages';
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
