export { ApproversError, loadApprovers, parseApprovers } from './load.js';
export { DEFAULT_MEMBERS_TTL_MS, Owners, type ListUsergroupMembers, type OwnerCheck, type OwnersOptions } from './owners.js';
export { approversSchema, type Approvers, type GroupApprovers } from './schema.js';
