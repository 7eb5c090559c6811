// Worksection's error envelope. Codes 2, 4, 5, 8, 10–14, 16 are the documented
// ones (api-reference §2); 1, 3, 9 and 15 are the simulator's choices for
// answers the docs do not show (see tests/simulator/README.md).

export const CODE = {
  actionInvalid: 1,
  hashInvalid: 2,
  tokenInvalid: 3,
  projectInvalid: 4,
  taskInvalid: 5,
  taskClosed: 8,
  serverError: 9,
  fieldRequired: 10,
  fieldInvalid: 11,
  alreadyInState: 12,
  taskHasChildren: 13,
  parentDone: 14,
  rateLimited: 15,
  tagInvalid: 16,
} as const;

export interface ErrorEnvelope {
  status: 'error';
  status_code: number;
  message: string;
  message_details?: string;
}

export class ApiFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly details?: string,
  ) {
    super(message);
  }

  envelope(): ErrorEnvelope {
    return {
      status: 'error',
      status_code: this.code,
      message: this.message,
      ...(this.details !== undefined ? { message_details: this.details } : {}),
    };
  }
}

export const fail = {
  required: (field: string) => new ApiFailure(CODE.fieldRequired, 'Field is required', field),
  oneOfRequired: (fields: string) => new ApiFailure(CODE.fieldRequired, 'At least one of fields required', fields),
  invalid: (field: string) => new ApiFailure(CODE.fieldInvalid, 'Field is invalid', field),
  email: (field: string) => new ApiFailure(CODE.fieldInvalid, 'Invalid email', field),
  project: () => new ApiFailure(CODE.projectInvalid, 'Project is invalid'),
  task: () => new ApiFailure(CODE.taskInvalid, 'Task is invalid'),
  tag: (name: string) => new ApiFailure(CODE.tagInvalid, 'Tag is invalid', name),
};
