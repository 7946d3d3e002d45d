import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
// React 19 sets properties on custom elements and listens to `on<event-name>`:
// the elements work as they are. Registers them:
import 'status-widgets/define';
// Types them in JSX: attributes, properties and events.
import type {} from 'status-widgets/types/react';
// The React components work too.
import { StatusIncidents } from 'status-widgets/react';

function App() {
  const [indicator, setIndicator] = useState('loading');
  return (
    <>
      <status-banner src="/status.json" adapter="native" dismissible={false} resolved-for={10} />
      <header>
        <status-badge
          src="/status.json"
          adapter="native"
          interval={30}
          onstatus-change={(event) => setIndicator(event.detail.indicator)}
        />
        <output id="last-status">{indicator}</output>
      </header>
      <StatusIncidents src="/status.json" adapter="native" showMaintenance={false} limit={5} />
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
