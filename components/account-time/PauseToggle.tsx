import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/messages';

/** Popup: pause and resume account time (a state row in the background, so every tab and window obeys it). */
export function PauseToggle() {
  const [paused, setPaused] = useState<boolean | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void ask('time/status', {}).then((reply) => {
      if (reply.ok) setPaused(reply.value.paused);
      else setProblem(reply.problem.message);
    });
  }, []);

  const toggle = async () => {
    const reply = await ask('time/pause', { paused: !paused });
    if (reply.ok) setPaused(reply.value.paused);
    else setProblem(reply.problem.message);
  };

  if (problem) return <p role="alert" class="error">{problem}</p>;
  if (paused === undefined) return null;
  return (
    <div class="row">
      {paused && <span class="muted">{t('timePausedStatus')}</span>}
      <button type="button" aria-pressed={paused} onClick={() => void toggle()}>
        {paused ? t('timeResume') : t('timePause')}
      </button>
    </div>
  );
}
