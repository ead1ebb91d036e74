export * from './referrals.module.js';
