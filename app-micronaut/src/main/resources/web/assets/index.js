// The home page: its words in the visitor's language, and the language switch.
import { startPage } from '/assets/language-switch.js';

startPage(['account']);
