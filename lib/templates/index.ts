export * from './model';
export * from './schedule';
export * from './roles';
export * from './expand';
export * from './file';
export { allBuiltinTemplates, builtinTemplates } from './library';
export { splitChecklist, teamTemplates, templateFromTask, type FromTaskOptions, type SourceTask } from './from-task';
