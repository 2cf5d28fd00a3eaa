export { FleetView } from './FleetView';
export { ReadinessView } from './ReadinessView';
export { ReadinessStatus } from './ReadinessStatus';
export { VideoCallBanner } from './VideoCallBanner';
export { selectVideoCalls } from './slice';
