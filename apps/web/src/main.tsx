import 'dkfds-css';
import './app.css';
import { carriedAnswers } from './api/page-answers';

/**
 * A page the server drew is there to be read already: it is put on the screen first, and the app that makes it live
 * (start-app.tsx) is evaluated after that frame. Any other page starts the app at once.
 */
if (carriedAnswers() !== null) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
await import('./start-app');
