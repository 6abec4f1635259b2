import { databaseTestConfig } from '../../vitest.shared.js';

export default databaseTestConfig('./test/global-setup.ts');
