import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
// React 18 passes every prop to a custom element as a string attribute and ignores
// `on…` handlers: the React components set properties and listen to the events.
import { StatusBadge, StatusBanner, StatusIncidents } from 'status-widgets/react';

function App() {
  const [indicator, setIndicator] = useState('loading');
  return (
    <>
      <StatusBanner src="/status.json" adapter="native" dismissible={false} resolvedFor={10} />
      <header>
        <StatusBadge
          src="/status.json"
          adapter="native"
          interval={30}
          onStatusChange={(event) => setIndicator(event.detail.indicator)}
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
