import { CUSTOM_ELEMENTS_SCHEMA, Component, signal } from '@angular/core';
import type { StatusChangeEvent } from 'status-widgets';

@Component({
  selector: 'app-root',
  // Lets the template use the custom elements.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  // `[property]` bindings set properties: real booleans and numbers.
  template: `
    <status-banner src="/status.json" adapter="native" [dismissible]="false" [resolvedFor]="10" />
    <header>
      <status-badge
        src="/status.json"
        adapter="native"
        [interval]="30"
        (status-change)="onStatusChange($event)"
      />
      <output id="last-status">{{ indicator() }}</output>
    </header>
    <status-incidents src="/status.json" adapter="native" [showMaintenance]="false" [limit]="5" />
  `,
})
export class AppComponent {
  readonly indicator = signal('loading');

  onStatusChange(event: Event) {
    this.indicator.set((event as StatusChangeEvent).detail.indicator);
  }
}
