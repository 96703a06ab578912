import { Initial1795436070735 } from './1795436070735-Initial.js';

export const MIGRATIONS = [Initial1795436070735];
