export * from './model';
export * from './variables';
export * from './builtins';
export * from './search';
export * from './file';
export * from './team';
