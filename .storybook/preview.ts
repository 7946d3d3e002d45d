import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
// Generated from the elements' JSDoc by `npm run build` (the storybook scripts run it first).
import manifest from '../custom-elements.json';
import { feedHandlers } from '../stories/handlers';
import { publicManifest } from '../stories/manifest';
import { globalTypes, initialGlobals, withGlobals } from '../stories/support';

// Controls list only what a page author sets: no protected or static members.
setCustomElementsManifest(publicManifest(manifest));

const preview: Preview = {
  // Stories read their feeds through a service worker that answers with the sample page.
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker(...feedHandlers);
      await worker.start({
        quiet: true,
        // A Playground feed the stories do not know goes to the network as typed.
        onUnhandledRequest: 'bypass',
        serviceWorker: { url: './mockServiceWorker.js' },
      });
      return worker;
    }),
  ],
  decorators: [withGlobals],
  globalTypes,
  initialGlobals,
  parameters: {
    controls: { expanded: true },
    layout: 'fullscreen',
  },
};

export default preview;
