import { bootstrapApplication } from '@angular/platform-browser';
// Registers the elements.
import 'status-widgets/define';
import { AppComponent } from './app/app.component';

bootstrapApplication(AppComponent).catch((error: unknown) => console.error(error));
