// Type test for the React declarations (`npm run typecheck`): each line marked as an
// expected error must fail to compile; every other line must compile under strict.
import type {} from 'status-widgets/types/react';
import { StatusBadge, StatusBanner, StatusIncidents } from 'status-widgets/react';

export function Intrinsic() {
  return (
    <>
      <status-badge
        src="/status.json"
        interval={30}
        compact={false}
        time-zone="Europe/Paris"
        onstatus-change={(event) => console.log(event.detail.indicator, event.snapshot.page)}
        onstatus-error={(event) => console.log(event.error.message)}
      />
      <status-incidents show-maintenance={false} limit={5} />
      <status-banner dismissible={false} resolved-for={10} theme="auto" />
      {/* @ts-expect-error: a misspelt attribute */}
      <status-badge intervall={15} />
      {/* @ts-expect-error: a number option given a string */}
      <status-badge interval="15" />
      {/* @ts-expect-error: the locale is a string */}
      <status-badge locale={42} />
      {/* @ts-expect-error: not a theme */}
      <status-badge theme="blue" />
      {/* @ts-expect-error: the handler receives the status-change event, whose detail is a snapshot */}
      <status-badge onstatus-change={(event) => event.detail.toUpperCase()} />
    </>
  );
}

export function Wrappers() {
  return (
    <>
      <StatusBadge
        src="/status.json"
        interval={30}
        compact={false}
        timeZone="Europe/Paris"
        onStatusChange={(event) => console.log(event.detail.indicator)}
        onStatusError={(event) => console.log(event.error.message)}
      />
      <StatusIncidents showMaintenance={false} limit={5} />
      <StatusBanner dismissible={false} resolvedFor={10} />
      {/* @ts-expect-error: a misspelt property */}
      <StatusBadge intervall={15} />
      {/* @ts-expect-error: a number option given a string */}
      <StatusBadge interval="15" />
      {/* @ts-expect-error: a boolean option given a string */}
      <StatusBanner dismissible="false" />
    </>
  );
}
