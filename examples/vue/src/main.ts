import { createApp } from 'vue';
// Registers the elements.
import 'status-widgets/define';
// Types them in templates: properties and events.
import type {} from 'status-widgets/types/vue';
import App from './App.vue';

createApp(App).mount('#app');
