/**
 * The parts of an options section that keeps a personal library (templates,
 * quick replies): a problem line, "Import" as a file button, the editor's
 * Save / Cancel, and Delete with its confirming second step. Labels come from
 * the section, in its own words.
 */
import type { ComponentChildren } from 'preact';

/** A problem in the section's words; several lines stay lines. */
export function ProblemLine({ children }: { children: ComponentChildren }) {
  return (
    <p role="alert" class="error" style="white-space:pre-line">
      {children}
    </p>
  );
}

/** A button-like label around a file input; the input is cleared after each choice, so the same file can be chosen again. */
export function ImportButton({ label, onFile }: { label: string; onFile: (file: File | undefined) => void }) {
  return (
    <label class="button-like">
      {label}
      <input
        type="file"
        accept="application/json,.json"
        onChange={(event) => {
          onFile(event.currentTarget.files?.[0]);
          event.currentTarget.value = '';
        }}
      />
    </label>
  );
}

/** Below the editor's fields: what is wrong with them, Save and Cancel. */
export function EditorActions(props: { problem?: string; save: string; cancel: string; onSave: () => void; onCancel: () => void }) {
  return (
    <>
      {props.problem && <ProblemLine>{props.problem}</ProblemLine>}
      <button type="button" class="primary" onClick={props.onSave}>
        {props.save}
      </button>{' '}
      <button type="button" onClick={props.onCancel}>
        {props.cancel}
      </button>
    </>
  );
}

export interface DeleteLabels {
  /** The button's text ("Delete"). */
  delete: string;
  /** Its accessible name, with the item's name. */
  deleteNamed: string;
  /** The second step, with the item's name. */
  confirm: string;
  cancel: string;
}

/** Delete in two steps: the first press arms it (`armed`), the second deletes; Cancel disarms. */
export function DeleteButton(props: { armed: boolean; labels: DeleteLabels; onArm: () => void; onDisarm: () => void; onDelete: () => void }) {
  const { armed, labels } = props;
  if (!armed) {
    return (
      <button type="button" onClick={props.onArm} aria-label={labels.deleteNamed}>
        {labels.delete}
      </button>
    );
  }
  return (
    <>
      <button type="button" class="danger" onClick={props.onDelete}>
        {labels.confirm}
      </button>{' '}
      <button type="button" onClick={props.onDisarm}>
        {labels.cancel}
      </button>
    </>
  );
}
