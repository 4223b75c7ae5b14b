import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChosenDevices, deviceChoices } from '../../media/devicePreferences.ts';
import type { LocalSource } from '../../media/localMedia.ts';
import { applyChosenDevices } from '../../session/actions.ts';
import { DeviceCheck } from './DeviceCheck.tsx';

/**
 * The stage's "Devices" button: the device check in a dialog. Its preview runs only while the
 * dialog is open; on closing, what is sent switches to any newly chosen camera or microphone.
 */
export function DevicesButton({ sends }: { sends: boolean }) {
  const { t } = useTranslation('devices');
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const before = useRef<ChosenDevices>({});
  const show = () => {
    before.current = deviceChoices().current();
    setOpen(true);
    dialog.current?.showModal();
  };
  const closed = () => {
    setOpen(false);
    const now = deviceChoices().current();
    const changed = (['mic', 'camera'] as const satisfies LocalSource[]).filter(
      (source) => now[source] !== before.current[source],
    );
    if (changed.length > 0) void applyChosenDevices(changed);
  };
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={show}>
        {t('open')}
      </button>
      <dialog ref={dialog} className="devices-dialog" aria-labelledby={titleId} onClose={closed}>
        <div className="devices-dialog-head">
          <h2 id={titleId}>{t('dialogTitle')}</h2>
        </div>
        {open && <DeviceCheck sends={sends} heading={false} />}
        <form method="dialog" className="devices-dialog-foot">
          {sends && <p className="muted small-print">{t('appliesOnClose')}</p>}
          <button type="submit" className="primary">
            {t('done')}
          </button>
        </form>
      </dialog>
    </>
  );
}
