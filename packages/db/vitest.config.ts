import { databaseTestConfig } from '../../vitest.shared.js';

export default databaseTestConfig('./src/testing/global-setup.ts');
