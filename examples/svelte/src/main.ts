import { mount } from 'svelte';
// Registers the elements.
import 'status-widgets/define';
// Types them in markup: attributes, properties and events.
import type {} from 'status-widgets/types/svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
