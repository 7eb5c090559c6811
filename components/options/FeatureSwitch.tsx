import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { ask } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { Locked } from './policy';

interface Props {
  feature: keyof Settings['features'];
  label: MessageKey;
  hint: MessageKey;
}

/**
 * A feature's on/off switch, saved as soon as it flips: open Worksection
 * pages add or remove the feature at once, without a reload.
 */
export function FeatureSwitch({ feature, label, hint }: Props) {
  const [on, setOn] = useState<boolean | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const id = `feature-${feature}`;

  useEffect(() => {
    void ask('settings/get', {}).then((reply) => {
      if (reply.ok) setOn(reply.value.features[feature]);
      else setMessage({ text: t('loadFailed', reply.problem.message), failed: true });
    });
  }, [feature]);

  const flip = async (next: boolean) => {
    setOn(next);
    setMessage(null);
    const reply = await ask('settings/save', { patch: { features: { [feature]: next } } });
    if (reply.ok) {
      setOn(reply.value.features[feature]);
      setMessage({ text: t('featureSwitchSaved'), failed: false });
    } else {
      setOn(!next);
      setMessage({ text: reply.problem.message, failed: true });
    }
  };

  return (
    <Locked path={`features.${feature}`}>
      <p class="feature-switch">
        <label class="check">
          <input
            id={id}
            type="checkbox"
            role="switch"
            checked={on === true}
            disabled={on === null}
            aria-describedby={`${id}-hint`}
            onChange={(event) => void flip(event.currentTarget.checked)}
          />{' '}
          {t(label)}
        </label>{' '}
        <span id={`${id}-hint`} class="hint">
          {t(hint)}
        </span>
        {message && (
          <span class={message.failed ? 'error' : 'ok'} role={message.failed ? 'alert' : 'status'}>
            {' '}
            {message.text}
          </span>
        )}
      </p>
    </Locked>
  );
}
