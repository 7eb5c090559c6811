// What e2e files do to the simulator's seed before a browser looks at it:
// walk its task trees, clear the desk of the client threads it left waiting,
// make a task of their own (the seed is drawn relative to the moment it is
// made, so which of its tasks wait, are due or were just answered depends on
// the hour), and back-date a comment.
import type { PersonView, Simulator, TaskTreeView } from '../simulator/index';

const MINUTE = 60_000;

/** Every task of the trees, parents before their subtasks. */
export const flatten = (trees: TaskTreeView[]): TaskTreeView[] => trees.flatMap((task) => [task, ...flatten(task.children)]);

/** A clean desk: the owner answers every client thread the seed left waiting (now). Returns the owner. */
export function cleanDesk(sim: Simulator): PersonView {
  const data = sim.control.data();
  const owner = data.users.find((user) => user.role === 'Owner')!;
  for (const thread of data.waiting) sim.control.addComment({ taskId: thread.taskId, userEmail: owner.email, text: 'On it.' });
  return owner;
}

/** Runs `act` with the simulator's clock `minutes` back, then sets it to now again. */
export function atMinutesAgo(sim: Simulator, minutes: number, act: () => void): void {
  sim.control.setClock({ now: new Date(Date.now() - minutes * MINUTE) });
  try {
    act();
  } finally {
    sim.control.setClock({ now: new Date() });
  }
}

/**
 * A task made for the test, as the simulator lists it: a thread of its own,
 * with no seeded comment newer than the ones the test adds. `dueInDays` sets
 * its due date that many days from today.
 */
export function newTask(sim: Simulator, input: { projectId: string; name: string; dueInDays?: number }): TaskTreeView {
  const dateEnd = input.dueInDays === undefined ? undefined : new Date(Date.now() + input.dueInDays * 24 * 60 * MINUTE).toISOString().slice(0, 10);
  const made = sim.control.addTask({ projectId: input.projectId, name: input.name, ...(dateEnd && { dateEnd }) });
  return flatten(sim.control.tasks(input.projectId)).find((task) => task.id === made.id)!;
}
