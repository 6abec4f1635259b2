export { default } from '@taskapp/db/testing/global-setup';
