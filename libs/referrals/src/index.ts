export * from './dto/referral-rules.js';
export * from './models/referral.model.js';
export * from './referrals.loader.js';
export * from './referrals.module.js';
export * from './referrals.service.js';
