import { Initial1795436070735 } from './1795436070735-Initial.js';
import { Workflows1795490000000 } from './1795490000000-Workflows.js';

export const MIGRATIONS = [Initial1795436070735, Workflows1795490000000];
