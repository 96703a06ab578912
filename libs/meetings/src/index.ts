export * from './meetings.module.js';
export * from './meeting.entity.js';
export * from './agenda-item.entity.js';
export * from './meeting-view.repository.js';
export * from './meeting.service.js';
export * from './agenda-item.service.js';
export * from './meeting.dto.js';
export * from './agenda-item.dto.js';
