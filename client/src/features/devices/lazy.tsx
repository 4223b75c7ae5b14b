// The device check is its own chunk: a delegate's first page load doesn't wait for it, and a page
// that resumes straight into the workshop never fetches it until "Devices" is shown.
import { lazy } from 'react';
import { Optional } from '../../components/Optional.tsx';
import type { DeviceCheckProps } from './DeviceCheck.tsx';

const LazyDeviceCheck = lazy(() => import('./DeviceCheck.tsx').then((module) => ({ default: module.DeviceCheck })));
const LazyDevicesButton = lazy(() =>
  import('./DevicesButton.tsx').then((module) => ({ default: module.DevicesButton })),
);

/** The join page's device check; nothing while it loads, nothing if it cannot (joining still works). */
export function DeviceCheckSection(props: DeviceCheckProps) {
  return (
    <Optional>
      <LazyDeviceCheck {...props} />
    </Optional>
  );
}

/** The stage's "Devices" button and its dialog. */
export function DevicesControl({ sends }: { sends: boolean }) {
  return (
    <Optional>
      <LazyDevicesButton sends={sends} />
    </Optional>
  );
}
