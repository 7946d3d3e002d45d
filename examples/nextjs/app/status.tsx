'use client';
// The elements run in the browser: a client component. Rendered on the server first,
// then hydrated; the React components attach the event listeners after hydration.
import { useState } from 'react';
import { StatusBadge, StatusBanner, StatusIncidents } from 'status-widgets/react';

export function Status() {
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
