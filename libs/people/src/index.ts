export * from './dto/profile-rules.js';
export * from './models/person.model.js';
export * from './people.loader.js';
export * from './people.module.js';
export * from './people.service.js';
